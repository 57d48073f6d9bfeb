package org.opennps.webhook;

import java.net.URI;
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

    @GetMapping("/{id}/deliveries")
    PageResult<WebhookAttempt> deliveries(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return webhooks.deliveries(access.workspaceId(), id, PageResult.Request.of(page, size));
    }
}
