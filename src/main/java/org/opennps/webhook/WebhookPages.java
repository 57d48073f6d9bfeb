package org.opennps.webhook;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.opennps.shared.AdminPage;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Webhooks: the subscriptions with their state, a new one, deletion, the delivery
 * log of each, switching a switched-off one on again (with a replay of what it missed from a
 * chosen time) and a test post. Plain forms, so every change carries the CSRF token.
 */
@Controller
@AdminPage
class WebhookPages {

    private static final int LOG = 20;

    private final WebhookService webhooks;
    private final WorkspaceService workspaces;
    private final JsonMapper json;

    WebhookPages(WebhookService webhooks, WorkspaceService workspaces, JsonMapper json) {
        this.webhooks = webhooks;
        this.workspaces = workspaces;
        this.json = json;
    }

    @GetMapping("/settings/webhooks")
    String page(WorkspaceAccess access, @RequestParam(required = false) UUID log, Model model) {
        List<WebhookSubscription> subscriptions = webhooks.list(access.workspaceId());
        model.addAttribute("subscriptions", subscriptions);
        model.addAttribute("events", WebhookSubscription.EVENTS);
        if (log != null) {
            model.addAttribute("logOf", webhooks.get(access.workspaceId(), log));
            model.addAttribute("log", webhooks.deliveries(access.workspaceId(), log, PageResult.Request.of(1, LOG)));
        }
        return "webhooks";
    }

    @PostMapping("/settings/webhooks")
    String create(
            WorkspaceAccess access,
            @RequestParam(required = false) String url,
            @RequestParam(name = "events", required = false) List<String> events,
            RedirectAttributes redirect) {
        var body = json.createObjectNode();
        body.put("url", url == null ? "" : url.trim());
        var list = body.putArray("events");
        if (events != null) {
            events.forEach(list::add);
        }
        try {
            WebhookSubscription created = webhooks.subscribe(access.workspaceId(), body);
            redirect.addFlashAttribute(
                    "message", "Subscription added. Its signing secret, shown only now: " + created.secret());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/settings/webhooks/{id}/delete")
    String delete(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.unsubscribe(access.workspaceId(), id);
        redirect.addFlashAttribute("message", "Subscription deleted.");
        return "redirect:/settings/webhooks";
    }

    /** Switches on again; {@code replay_from} (local date and time, optional) replays from then. */
    @PostMapping("/settings/webhooks/{id}/enable")
    String enable(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam(name = "replay_from", required = false) String replayFrom,
            RedirectAttributes redirect) {
        Instant from;
        try {
            from = localTime(access, replayFrom);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "The replay time is not a date and time.");
            return "redirect:/settings/webhooks";
        }
        WebhookService.ReplayResult result = webhooks.enable(access.workspaceId(), id, from);
        redirect.addFlashAttribute(
                "message",
                from == null
                        ? "Subscription switched on."
                        : "Subscription switched on; " + result.missed() + " missed events and " + result.retried()
                                + " failed posts queued.");
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/settings/webhooks/{id}/test")
    String test(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.sendTest(access.workspaceId(), id);
        redirect.addFlashAttribute("message", "Test post queued; its outcome shows in the delivery log.");
        return "redirect:/settings/webhooks?log=" + id;
    }

    private Instant localTime(WorkspaceAccess access, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ZoneId zone = ZoneId.of(workspaces.get(access.workspaceId()).timeZone());
        return LocalDateTime.parse(text.trim()).atZone(zone).toInstant();
    }
}
