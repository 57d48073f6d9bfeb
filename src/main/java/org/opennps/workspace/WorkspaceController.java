package org.opennps.workspace;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
class WorkspaceController {

    private final WorkspaceService workspaces;

    WorkspaceController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/workspace")
    WorkspaceView get(WorkspaceAccess access) {
        return WorkspaceView.of(workspaces.get(access.workspaceId()));
    }

    @PatchMapping("/workspace")
    WorkspaceView patch(WorkspaceAccess access, @RequestBody JsonNode body) {
        return WorkspaceView.of(workspaces.update(access.workspaceId(), new WorkspaceChange(body)));
    }

    @GetMapping("/api-keys")
    Map<String, List<ApiKeyInfo>> keys(WorkspaceAccess access) {
        return Map.of("api_keys", workspaces.apiKeys(access.workspaceId()));
    }

    @PostMapping("/api-keys")
    ResponseEntity<IssuedApiKey> createKey(WorkspaceAccess access, @RequestBody JsonNode body) {
        var violations = new java.util.ArrayList<org.opennps.shared.FieldViolation>();
        var fields = JsonFields.of(body, "", violations);
        String name = fields.string("name", 100, true);
        String scope = fields.string("scope", 10, false);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        IssuedApiKey key = workspaces.createApiKey(access.workspaceId(), name, scope == null ? ApiKeyInfo.FULL : scope);
        return ResponseEntity.created(
                        URI.create("/api/v1/api-keys/" + key.info().id()))
                .body(key);
    }

    @DeleteMapping("/api-keys/{id}")
    ResponseEntity<Void> revoke(WorkspaceAccess access, @PathVariable UUID id) {
        workspaces.revokeApiKey(access.workspaceId(), id);
        return ResponseEntity.noContent().build();
    }

    /** The workspace as the API shows it. */
    record WorkspaceView(
            UUID id, String name, String publicKey, String timeZone, WorkspaceSettings settings, boolean demo) {
        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(w.id(), w.name(), w.publicKey(), w.timeZone(), w.settings(), w.demo());
        }
    }
}
