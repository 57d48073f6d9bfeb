package org.opennps.loop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.AdminPage;
import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Alert rules and digest. A form with a mistake comes back as typed, with the
 * problem in words next to its field; nothing is saved until it is right.
 */
@Controller
@AdminPage
class AlertPages {

    private final AlertService alerts;
    private final DigestService digests;
    private final JsonMapper json;

    AlertPages(AlertService alerts, DigestService digests, JsonMapper json) {
        this.alerts = alerts;
        this.digests = digests;
        this.json = json;
    }

    @GetMapping("/settings/alerts")
    String page(WorkspaceAccess access, Model model) {
        List<RuleForm> forms = alerts.forms(access.workspaceId());
        if (model.getAttribute("editing") instanceof RuleForm editing) {
            forms = forms.stream()
                    .map(f -> f.id().equals(editing.id()) ? editing : f)
                    .toList();
        }
        model.addAttribute("rules", forms);
        if (!model.containsAttribute("newRule")) {
            model.addAttribute("newRule", RuleForm.blank());
        }
        if (!model.containsAttribute("digest")) {
            var d = digests.settings(access.workspaceId());
            model.addAttribute(
                    "digest",
                    new DigestForm(d.enabled(), String.join("\n", d.recipients()), String.valueOf(d.sendHour())));
        }
        model.addAttribute("digestZone", digests.settings(access.workspaceId()).timeZone());
        model.addAttribute("categories", RuleForm.CATEGORIES);
        model.addAttribute(
                "ruleErrors", model.containsAttribute("ruleErrors") ? model.getAttribute("ruleErrors") : Map.of());
        return "alerts";
    }

    @PostMapping("/settings/alerts")
    String create(WorkspaceAccess access, Fields fields, Model model, RedirectAttributes redirect) {
        RuleForm typed = fields.form(null, false);
        var problems = typed.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("newRule", typed);
            model.addAttribute("newRuleErrors", problems);
            return page(access, model);
        }
        alerts.save(access.workspaceId(), typed);
        redirect.addFlashAttribute("message", "Rule \"" + typed.name().trim() + "\" added.");
        return "redirect:/settings/alerts";
    }

    @PostMapping("/settings/alerts/{id}")
    String update(
            WorkspaceAccess access, @PathVariable UUID id, Fields fields, Model model, RedirectAttributes redirect) {
        boolean kept = alerts.forms(access.workspaceId()).stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .map(RuleForm::keptElsewhere)
                .orElseThrow(() -> new org.opennps.shared.NotFoundException("Alert rule"));
        RuleForm typed = fields.form(id, kept);
        var problems = typed.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("editing", typed);
            model.addAttribute("ruleErrors", Map.of(id, problems));
            return page(access, model);
        }
        alerts.save(access.workspaceId(), typed);
        redirect.addFlashAttribute("message", "Rule \"" + typed.name().trim() + "\" saved.");
        return "redirect:/settings/alerts";
    }

    @PostMapping("/settings/alerts/{id}/delete")
    String delete(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        alerts.delete(access.workspaceId(), id);
        redirect.addFlashAttribute("message", "The rule was deleted; cases it opened stay.");
        return "redirect:/settings/alerts";
    }

    @PostMapping("/settings/digest")
    String digest(
            WorkspaceAccess access,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String recipients,
            @RequestParam(name = "sendHour", defaultValue = "") String sendHour,
            Model model,
            RedirectAttributes redirect) {
        DigestForm typed = new DigestForm(enabled, recipients, sendHour);
        var body = json.createObjectNode().put("enabled", enabled);
        var list = body.putArray("recipients");
        typed.recipientList().forEach(list::add);
        try {
            body.put("send_hour", Integer.parseInt(sendHour.trim()));
        } catch (NumberFormatException e) {
            body.put("send_hour", sendHour);
        }
        try {
            digests.update(access.workspaceId(), body);
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.violations()
                    .forEach(v -> problems.putIfAbsent(
                            v.field().startsWith("recipients") ? "recipients" : "sendHour",
                            v.field().startsWith("recipients")
                                    ? "Recipients: " + v.message() + "."
                                    : "Send hour must be a whole hour from 0 to 23."));
            model.addAttribute("digest", typed);
            model.addAttribute("digestErrors", problems);
            return page(access, model);
        }
        redirect.addFlashAttribute("message", "Daily digest saved.");
        return "redirect:/settings/alerts#digest";
    }

    /** The posted rule fields; an unticked checkbox is absent, so every field may be null. */
    record Fields(
            String name,
            List<String> categories,
            String emails,
            Boolean createCase,
            String dueAmount,
            String dueUnit,
            Boolean active) {
        RuleForm form(UUID id, boolean keptElsewhere) {
            return new RuleForm(
                    id,
                    name == null ? "" : name,
                    categories == null ? List.of() : categories,
                    emails == null ? "" : emails,
                    Boolean.TRUE.equals(createCase),
                    dueAmount == null ? "" : dueAmount,
                    dueUnit == null ? "hours" : dueUnit,
                    Boolean.TRUE.equals(active),
                    keptElsewhere);
        }
    }

    /** The digest as its form shows it. */
    record DigestForm(boolean enabled, String recipients, String sendHour) {
        List<String> recipientList() {
            return List.of(recipients.split("[\\s,;]+")).stream()
                    .filter(r -> !r.isBlank())
                    .toList();
        }
    }
}
