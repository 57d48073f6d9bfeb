package org.opennps.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.campaign.CampaignDeletion;
import org.opennps.campaign.CampaignRemoval;
import org.opennps.campaign.CampaignService;
import org.opennps.campaign.CampaignStatus;
import org.opennps.campaign.CampaignTemplates;
import org.opennps.campaign.CampaignView;
import org.opennps.campaign.SaveCampaign;
import org.opennps.shared.AdminPage;
import org.opennps.shared.ConflictException;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaigns: the list with journey counts, the builder (from a template or a saved campaign), status. */
@Controller
@AdminPage
class CampaignPages {

    private final CampaignService campaigns;
    private final CampaignRemoval removal;
    private final CampaignTemplates templates;
    private final CampaignStats stats;
    private final SurveyService surveys;

    CampaignPages(
            CampaignService campaigns,
            CampaignRemoval removal,
            CampaignTemplates templates,
            CampaignStats stats,
            SurveyService surveys) {
        this.campaigns = campaigns;
        this.removal = removal;
        this.templates = templates;
        this.stats = stats;
        this.surveys = surveys;
    }

    /** Campaigns not archived; with {@code archived=true} the archived ones too. */
    @GetMapping("/campaigns")
    String list(WorkspaceAccess access, @RequestParam(defaultValue = "false") boolean archived, Model model) {
        UUID ws = access.workspaceId();
        Map<UUID, Survey> surveyById = surveys(ws);
        List<CampaignStats.Row> rows = stats.rows(ws, surveyById);
        long archivedCount = rows.stream().filter(CampaignStats.Row::archived).count();
        model.addAttribute(
                "rows", rows.stream().filter(r -> archived || !r.archived()).toList());
        model.addAttribute("showArchived", archived);
        model.addAttribute("archivedCount", archivedCount);
        model.addAttribute("templates", templates.all());
        return "campaigns";
    }

    /** The builder filled from a template, not yet saved. */
    @GetMapping("/campaigns/new")
    String fromTemplate(
            WorkspaceAccess access, @RequestParam(defaultValue = "after_purchase") String template, Model model) {
        CampaignTemplates.Template t =
                templates.find(template).orElseThrow(() -> new NotFoundException("Campaign template"));
        Map<UUID, Survey> surveyById = surveys(access.workspaceId());
        String survey = surveyById.isEmpty()
                ? ""
                : surveyById.keySet().iterator().next().toString();
        return builder(model, access.workspaceId(), null, CampaignForm.of(t.campaign(), survey), Map.of());
    }

    @PostMapping("/campaigns/new")
    String create(
            WorkspaceAccess access,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response) {
        CampaignForm form = CampaignForm.read(params);
        String action = params.getFirst("action");
        if (action != null && !"save".equals(action)) {
            return builder(model, access.workspaceId(), null, form.edited(action), Map.of());
        }
        try {
            CampaignView created = campaigns.create(access.workspaceId(), form.toCommand());
            return "redirect:/campaigns/" + created.id() + "?saved";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return builder(model, access.workspaceId(), null, form, errors(e.violations()));
        }
    }

    @GetMapping("/campaigns/{id}")
    String edit(WorkspaceAccess access, @PathVariable UUID id, Model model) {
        CampaignView campaign = campaigns.get(access.workspaceId(), id);
        return builder(model, access.workspaceId(), campaign, CampaignForm.of(campaign.definition(), null), Map.of());
    }

    /** Saves a new version, or with {@code action} changes the unsaved form (see {@link CampaignForm#edited}). */
    @PostMapping("/campaigns/{id}")
    String save(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response) {
        CampaignView campaign = campaigns.get(access.workspaceId(), id);
        if (audienceOf(campaign) != null) {
            // the builder edits trigger campaigns; saving its form would replace the audience
            response.setStatus(HttpStatus.CONFLICT.value());
            return builder(
                    model,
                    access.workspaceId(),
                    campaign,
                    CampaignForm.of(campaign.definition(), null),
                    Map.of("", "A campaign for past respondents is changed through the API."));
        }
        CampaignForm form = CampaignForm.read(params);
        String action = params.getFirst("action");
        if (action != null && !"save".equals(action)) {
            return builder(model, access.workspaceId(), campaign, form.edited(action), Map.of());
        }
        try {
            campaigns.update(access.workspaceId(), id, form.toCommand());
            return "redirect:/campaigns/" + id + "?saved";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return builder(model, access.workspaceId(), campaign, form, errors(e.violations()));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return builder(model, access.workspaceId(), campaign, form, Map.of("", e.getMessage()));
        }
    }

    @PostMapping("/campaigns/{id}/activate")
    String activate(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        campaigns.setStatus(access.workspaceId(), id, CampaignStatus.ACTIVE);
        redirect.addFlashAttribute("message", "Campaign active: matching events now start journeys.");
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/pause")
    String pause(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        campaigns.setStatus(access.workspaceId(), id, CampaignStatus.PAUSED);
        redirect.addFlashAttribute(
                "message", "Campaign paused: no new journeys; waiting ones stop at their next step.");
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/archive")
    String archive(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        removal.archive(access.workspaceId(), id);
        redirect.addFlashAttribute(
                "message", "Campaign archived: it starts no journeys and waiting ones are held; its numbers are kept.");
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/unarchive")
    String unarchive(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        removal.unarchive(access.workspaceId(), id);
        redirect.addFlashAttribute("message", "Campaign restored, paused: activate it to run it again.");
        return "redirect:/campaigns/" + id;
    }

    /** Asks before deleting: the journeys, invitations and responses that go with the campaign. */
    @GetMapping("/campaigns/{id}/delete")
    String confirmDelete(WorkspaceAccess access, @PathVariable UUID id, Model model) {
        CampaignDeletion deletion = removal.deletion(access.workspaceId(), id);
        boolean archived = campaigns.get(access.workspaceId(), id).status() == CampaignStatus.ARCHIVED;
        return DeletionPage.render(
                model, "campaign", deletion.name(), deletion.removed(), List.of(), "/campaigns/" + id, archived);
    }

    @PostMapping("/campaigns/{id}/delete")
    String delete(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        CampaignDeletion deletion = removal.delete(access.workspaceId(), id, confirm);
        redirect.addFlashAttribute(
                "message",
                "Campaign " + deletion.name() + " deleted"
                        + (deletion.needsConfirmation() ? " with " + SurveyService.describe(deletion.removed()) : "")
                        + ".");
        return "redirect:/campaigns";
    }

    private String builder(Model model, UUID ws, CampaignView campaign, CampaignForm form, Map<String, String> errors) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("audience", campaign == null ? null : audienceOf(campaign));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        // archived surveys are not offered, except the one the campaign sends now
        model.addAttribute(
                "surveys",
                surveys(ws).values().stream()
                        .filter(s -> !s.archived() || s.id().toString().equals(form.surveyId()))
                        .toList());
        model.addAttribute("stepTypes", StepForm.TYPES);
        model.addAttribute("conditionTypes", ConditionForm.TYPES);
        model.addAttribute("ops", ConditionForm.OPS);
        model.addAttribute("days", StepForm.DAYS);
        model.addAttribute("actions", StepForm.ACTIONS);
        if (campaign != null) {
            model.addAttribute(
                    "waiting", stats.waiting(ws, campaign.id(), form.steps().size()));
            model.addAttribute("sample", CampaignPreviewPage.sample(form, stats.sampleContact(ws)));
            var sampling = campaigns.sampling(ws, campaign.id());
            model.addAttribute("sampling", sampling);
            model.addAttribute("samplingTable", SamplingTable.of(sampling));
        }
        return "campaign-edit";
    }

    /**
     * The audience of a "we listened" campaign (past respondents instead of a trigger) as one
     * line, or null for a trigger campaign.
     */
    static String audienceOf(CampaignView campaign) {
        SaveCampaign.Audience audience = campaign.definition().audience();
        if (audience == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        listed(parts, "categories", audience.categories());
        listed(parts, "areas", audience.areas());
        listed(parts, "themes", audience.themes());
        if (audience.since() != null) {
            parts.add("since " + audience.since());
        }
        if (audience.until() != null) {
            parts.add("until " + audience.until());
        }
        return parts.isEmpty() ? "every respondent" : String.join("; ", parts);
    }

    private static void listed(List<String> parts, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            parts.add(field + ": " + String.join(", ", values));
        }
    }

    private Map<UUID, Survey> surveys(UUID ws) {
        Map<UUID, Survey> map = new LinkedHashMap<>();
        surveys.list(ws, PageResult.Request.of(1, PageResult.MAX_SIZE)).items().forEach(s -> map.put(s.id(), s));
        return map;
    }

    /** Field path → message; several messages on one field are joined. */
    static Map<String, String> errors(List<FieldViolation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : new ArrayList<>(violations)) {
            errors.merge(v.field(), v.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }
}
