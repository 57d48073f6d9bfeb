package org.opennps.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.delivery.WebhookAttempt;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** Answers the subscription with its signing secret, shown this once. */
    @PostMapping
    ResponseEntity<WebhookSubscription> subscribe(WorkspaceAccess access, @RequestBody JsonNode body) {
        WebhookSubscription created = webhooks.subscribe(access.workspaceId(), body);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id()))
                .body(created);
    }

    @GetMapping
    Map<String, List<WebhookSubscription>> list(WorkspaceAccess access) {
        return Map.of("items", webhooks.list(access.workspaceId()));
    }

    @GetMapping("/{id}")
    WebhookSubscription get(WorkspaceAccess access, @PathVariable UUID id) {
        return webhooks.get(access.workspaceId(), id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(WorkspaceAccess access, @PathVariable UUID id) {
        webhooks.unsubscribe(access.workspaceId(), id);
        return ResponseEntity.noContent().build();
    }

    /**
     * Switches a subscription on again; {@code {"replay_from": "<time>"}} (optional) also posts
     * what it missed from then on, once each.
     */
    @PostMapping("/{id}/enable")
    Map<String, Object> enable(
            WorkspaceAccess access, @PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        Instant from = body == null ? null : time(body, "replay_from");
        WebhookService.ReplayResult replayed = webhooks.enable(access.workspaceId(), id, from);
        return Map.of("subscription", webhooks.get(access.workspaceId(), id), "replayed", replayed);
    }

    /** {@code {"since": "<time>"}} (optional): posts the missed events and failed posts from then on. */
    @PostMapping("/{id}/replay")
    ResponseEntity<WebhookService.ReplayResult> replay(
            WorkspaceAccess access, @PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        Instant since = body == null ? null : time(body, "since");
        return ResponseEntity.accepted().body(webhooks.replay(access.workspaceId(), id, since));
    }

    /** Queues a signed {@code webhook.test} post to the subscription's URL. */
    @PostMapping("/{id}/test")
    ResponseEntity<Map<String, Object>> test(WorkspaceAccess access, @PathVariable UUID id) {
        UUID post = webhooks.sendTest(access.workspaceId(), id);
        return ResponseEntity.accepted().body(Map.of("delivery_id", post));
    }

    private static Instant time(JsonNode body, String field) {
        java.util.List<org.opennps.shared.FieldViolation> violations = new java.util.ArrayList<>();
        Instant value = org.opennps.shared.JsonFields.of(body, "", violations).instant(field);
        if (!violations.isEmpty()) {
            throw new org.opennps.shared.InvalidInputException(violations);
        }
        return value;
    }

    @GetMapping("/{id}/deliveries")
    PageResult<WebhookAttempt> deliveries(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return webhooks.deliveries(access.workspaceId(), id, PageResult.Request.of(page, size));
    }
}
