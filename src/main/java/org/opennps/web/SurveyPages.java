package org.opennps.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.opennps.respond.SurveyPreview;
import org.opennps.response.ResponseService;
import org.opennps.shared.AdminPage;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.PageResult;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyDeletion;
import org.opennps.survey.SurveyDraft;
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
import tools.jackson.databind.json.JsonMapper;

/** Surveys: the list, new ones from templates, and the editor with its live preview. */
@Controller
@AdminPage
class SurveyPages {

    private final SurveyService surveys;
    private final ResponseService responses;
    private final SurveyPreview preview;
    private final JsonMapper json;

    SurveyPages(SurveyService surveys, ResponseService responses, SurveyPreview preview, JsonMapper json) {
        this.surveys = surveys;
        this.responses = responses;
        this.preview = preview;
        this.json = json;
    }

    /** Surveys in use; with {@code archived=true} the archived ones too. */
    @GetMapping("/surveys")
    String list(
            WorkspaceAccess access,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "false") boolean archived,
            Model model) {
        UUID ws = access.workspaceId();
        model.addAttribute(
                "page", surveys.list(ws, archived ? null : false, PageResult.Request.of(Math.max(1, page), 50)));
        model.addAttribute("showArchived", archived);
        model.addAttribute(
                "archivedCount",
                surveys.list(ws, true, PageResult.Request.of(1, 1)).total());
        model.addAttribute("counts", responses.countsBySurvey(access.workspaceId()));
        model.addAttribute("templates", surveys.templates());
        return "surveys";
    }

    @PostMapping("/surveys/new")
    String create(WorkspaceAccess access, @RequestParam String template, RedirectAttributes redirect) {
        Survey survey = surveys.createFromTemplate(access.workspaceId(), template);
        redirect.addFlashAttribute("message", "Survey created from the template. Change it as you like.");
        return "redirect:/surveys/" + survey.id();
    }

    @GetMapping("/surveys/{id}")
    String edit(WorkspaceAccess access, @PathVariable UUID id, Model model) {
        Survey survey = surveys.get(access.workspaceId(), id);
        return editor(model, survey, SurveyForm.of(survey, json), Map.of());
    }

    /**
     * Saves the form, or with {@code action} (add, remove:i, up:i, down:i, languages) changes
     * the form without saving. Rule violations come back next to their fields, status 422.
     */
    @PostMapping("/surveys/{id}")
    String save(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        Survey survey = surveys.get(access.workspaceId(), id);
        SurveyForm form = SurveyForm.read(params);
        String action = params.getFirst("action");
        if (action != null && !action.equals("save")) {
            return editor(model, survey, form.edited(action), Map.of());
        }
        try {
            surveys.update(access.workspaceId(), id, surveys.read(form.toJson(json)));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : e.violations()) {
                errors.merge(v.field(), v.message(), (a, b) -> a + "; " + b);
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(model, survey, form, errors);
        }
        redirect.addFlashAttribute("message", "Survey saved.");
        return "redirect:/surveys/" + id;
    }

    /**
     * The form as it stands, unsaved, rendered as respondents would see it (shown in the
     * editor's preview frame); broken rules are listed instead.
     */
    @PostMapping("/surveys/{id}/preview-draft")
    String previewDraft(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Survey saved = surveys.get(access.workspaceId(), id);
        try {
            SurveyDraft draft = surveys.read(SurveyForm.read(params).toJson(json));
            Survey unsaved = new Survey(
                    saved.id(),
                    draft.name(),
                    draft.questions(),
                    draft.thankYou(),
                    draft.invitationExpiry(),
                    saved.createdAt(),
                    saved.updatedAt(),
                    saved.display(),
                    draft.titleGiven() ? draft.title() : saved.title());
            return preview.render(model, access.workspaceId(), unsaved, null, null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(
                    "violations",
                    e.violations().stream()
                            .map(v -> new org.opennps.shared.FieldViolation(asInEditor(v.field()), v.message()))
                            .toList());
            return "survey-preview-invalid";
        }
    }

    @PostMapping("/surveys/{id}/archive")
    String archive(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        surveys.archive(access.workspaceId(), id);
        redirect.addFlashAttribute(
                "message",
                "Survey archived: hidden from the lists, its responses and reports kept. Restore it any time.");
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/surveys/{id}/unarchive")
    String unarchive(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        surveys.unarchive(access.workspaceId(), id);
        redirect.addFlashAttribute("message", "Survey restored.");
        return "redirect:/surveys/" + id;
    }

    /** Asks before deleting: what goes with the survey, counted, or why it cannot go. */
    @GetMapping("/surveys/{id}/delete")
    String confirmDelete(WorkspaceAccess access, @PathVariable UUID id, Model model) {
        SurveyDeletion deletion = surveys.deletion(access.workspaceId(), id);
        return DeletionPage.render(
                model,
                "survey",
                deletion.survey().name(),
                deletion.removed(),
                deletion.blockers(),
                "/surveys/" + id,
                deletion.survey().archived());
    }

    @PostMapping("/surveys/{id}/delete")
    String delete(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        SurveyDeletion deletion = surveys.delete(access.workspaceId(), id, confirm);
        redirect.addFlashAttribute(
                "message",
                "Survey " + deletion.survey().name() + " deleted"
                        + (deletion.needsConfirmation() ? " with " + SurveyService.describe(deletion.removed()) : "")
                        + ".");
        return "redirect:/surveys";
    }

    private static final java.util.regex.Pattern QUESTION =
            java.util.regex.Pattern.compile("^questions\\[(\\d+)](?:\\.(.+))?$");

    /**
     * A broken field named as the editor shows it: {@code questions[1].options} is "Question 2,
     * options", numbered from 1 like the editor's questions.
     */
    static String asInEditor(String field) {
        var m = field == null ? null : QUESTION.matcher(field);
        if (m == null || !m.matches()) {
            return field;
        }
        String question = "Question " + (Integer.parseInt(m.group(1)) + 1);
        return m.group(2) == null ? question : question + ", " + m.group(2);
    }

    private String editor(Model model, Survey survey, SurveyForm form, Map<String, String> errors) {
        model.addAttribute("survey", survey);
        model.addAttribute("form", form);
        model.addAttribute(
                "display", form.display() != null ? form.display() : SurveyForm.Display.of(survey.display()));
        model.addAttribute("pageTriggers", SurveyForm.Display.PAGE_TRIGGERS);
        model.addAttribute("errors", errors);
        java.util.List<java.util.List<String>> perQuestion = new java.util.ArrayList<>();
        for (int i = 0; i < form.questions().size(); i++) {
            String prefix = "questions[" + i + "]";
            perQuestion.add(errors.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix))
                    .map(e -> e.getKey().substring(prefix.length()).replaceFirst("^\\.", "") + ": " + e.getValue())
                    .toList());
        }
        model.addAttribute("questionErrors", perQuestion);
        model.addAttribute("types", SurveyForm.TYPES);
        model.addAttribute("categories", SurveyForm.CATEGORIES);
        return "survey-edit";
    }
}
