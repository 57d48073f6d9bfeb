package org.opennps.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.loop.CaseChange;
import org.opennps.loop.CaseService;
import org.opennps.loop.CaseStatus;
import org.opennps.loop.FeedbackCase;
import org.opennps.response.ResponseService;
import org.opennps.shared.AdminPage;
import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.SignedInUser;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceAccess;
import org.opennps.workspace.WorkspaceService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case of a response, on its page: open one, take it, change status, owner, tags and due
 * time, add notes. With htmx only the panel is replaced; without, the page reloads.
 */
@Controller
@AdminPage
class CasePanel {

    static final List<String> STATUSES =
            java.util.Arrays.stream(CaseStatus.values()).map(CaseStatus::code).toList();

    private final CaseService cases;
    private final org.opennps.loop.CaseConversation conversation;
    private final ResponseService responses;
    private final UserService users;
    private final WorkspaceService workspaces;
    private final JsonMapper json;
    private final java.time.Clock clock;

    CasePanel(
            CaseService cases,
            org.opennps.loop.CaseConversation conversation,
            ResponseService responses,
            UserService users,
            WorkspaceService workspaces,
            JsonMapper json,
            java.time.Clock clock) {
        this.cases = cases;
        this.conversation = conversation;
        this.responses = responses;
        this.users = users;
        this.workspaces = workspaces;
        this.json = json;
        this.clock = clock;
    }

    /** What the panel needs, for the response page too. */
    void fill(Model model, UUID ws, UUID responseId) {
        Optional<FeedbackCase> c = cases.forResponse(ws, responseId);
        model.addAttribute("responseId", responseId);
        model.addAttribute("feedbackCase", c.orElse(null));
        model.addAttribute("caseStatuses", STATUSES);
        model.addAttribute("members", users.memberEmails(ws));
        ZoneId zone = workspaces.get(ws).zone();
        model.addAttribute(
                "caseDue",
                c.map(FeedbackCase::dueAt)
                        .map(d -> LocalDateTime.ofInstant(d, zone)
                                .withSecond(0)
                                .withNano(0)
                                .toString())
                        .orElse(""));
        model.addAttribute(
                "caseOverdue",
                c.filter(x -> x.resolvedAt() == null && x.dueAt() != null)
                        .map(x -> x.dueAt().isBefore(clock.instant()))
                        .orElse(false));
        if (!model.containsAttribute("caseErrors")) {
            model.addAttribute("caseErrors", Map.of());
        }
        model.addAttribute(
                "thread",
                c.map(x -> conversation.thread(ws, x.id()).stream()
                                .map(m -> new ThreadEntry(m, conversation.deliveryStatus(ws, m)))
                                .toList())
                        .orElse(List.of()));
        if (!model.containsAttribute("replyErrors")) {
            model.addAttribute("replyErrors", Map.of());
        }
        if (!model.containsAttribute("replyDraft")) {
            model.addAttribute("replyDraft", new ReplyDraft("About your feedback", "", ""));
        }
    }

    /** A message of the thread with its e-mail's delivery status (null for a logged answer). */
    record ThreadEntry(org.opennps.loop.CaseMessage message, String delivery) {}

    /** What the agent typed, kept when it could not be sent. */
    record ReplyDraft(String subject, String body, String answer) {}

    /** Sends a reply to the customer by e-mail, or with {@code action=answer} logs their answer. */
    @PostMapping("/responses/{id}/case/reply")
    String reply(
            WorkspaceAccess access,
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String answer,
            @RequestParam(defaultValue = "reply") String action,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        UUID ws = access.workspaceId();
        FeedbackCase current =
                cases.forResponse(ws, id).orElseThrow(() -> new org.opennps.shared.NotFoundException("Case"));
        boolean logging = "answer".equals(action);
        try {
            if (logging) {
                conversation.logAnswer(ws, current.id(), user.email(), answer);
            } else {
                conversation.reply(ws, current.id(), user.email(), subject, body);
            }
        } catch (InvalidInputException e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.violations()
                    .forEach(v -> errors.putIfAbsent(
                            logging ? "answer" : v.field(),
                            (v.field().equals("subject") ? "Subject: " : logging ? "Answer: " : "Message: ")
                                    + v.message() + "."));
            var draft = new ReplyDraft(subject, body, answer);
            if (htmx == null) {
                redirect.addFlashAttribute("replyErrors", errors);
                redirect.addFlashAttribute("replyDraft", draft);
                return "redirect:/responses/" + id + "#reply";
            }
            model.addAttribute("replyErrors", errors);
            model.addAttribute("replyDraft", draft);
            return panel(model, ws, id, htmx, null);
        }
        return panel(model, ws, id, htmx, logging ? "Answer logged on the case." : "Reply sent to the customer.");
    }

    @PostMapping("/responses/{id}/case")
    String open(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        responses.get(access.workspaceId(), id);
        cases.open(access.workspaceId(), id, null, java.time.Duration.ofDays(1));
        return panel(model, access.workspaceId(), id, htmx, "Case opened.");
    }

    /**
     * Applies the form: {@code take} makes the signed-in user the owner and the case in
     * progress, {@code resolve} resolves it; otherwise the fields as chosen.
     */
    @PostMapping("/responses/{id}/case/change")
    String change(
            WorkspaceAccess access,
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String owner,
            @RequestParam(defaultValue = "") String tags,
            @RequestParam(name = "due_at", defaultValue = "") String dueAt,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "save") String action,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        UUID ws = access.workspaceId();
        FeedbackCase current =
                cases.forResponse(ws, id).orElseThrow(() -> new org.opennps.shared.NotFoundException("Case"));
        ObjectNode body = json.createObjectNode();
        switch (action) {
            case "take" -> body.put("owner", user.email()).put("status", CaseStatus.IN_PROGRESS.code());
            case "resolve" -> body.put("status", CaseStatus.RESOLVED.code());
            default -> {
                body.put("status", status);
                body.put("owner", owner.isBlank() ? null : owner);
                var list = body.putArray("tags");
                for (String t : tags.split(",")) {
                    if (!t.isBlank()) {
                        list.add(t.strip());
                    }
                }
                if (!dueAt.isBlank()) {
                    body.put("due_at", dueAt(ws, dueAt));
                }
            }
        }
        if (!note.isBlank()) {
            body.put("note", note.strip());
        }
        try {
            cases.change(ws, current.id(), CaseChange.read(body), user.email());
        } catch (InvalidInputException e) {
            model.addAttribute("caseErrors", CampaignPages.errors(e.violations()));
            return panel(model, ws, id, htmx, null);
        }
        return panel(model, ws, id, htmx, "Case saved.");
    }

    private String panel(Model model, UUID ws, UUID responseId, String htmx, String message) {
        if (htmx == null) {
            return "redirect:/responses/" + responseId + "#case";
        }
        fill(model, ws, responseId);
        model.addAttribute("caseMessage", message);
        return "response :: case";
    }

    /** The form's local time in the workspace's zone as an instant; bad input is left for the rules. */
    private String dueAt(UUID ws, String local) {
        try {
            return LocalDateTime.parse(local)
                    .atZone(workspaces.get(ws).zone())
                    .toInstant()
                    .toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }
}
