package org.opennps.client;

import java.net.URI;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The identity secret, on the server API (secret key): {@code POST} creates or rotates it and
 * is the only answer that ever contains it; {@code GET} tells whether one exists.
 */
@RestController
class IdentitySecretController {

    private static final String PATH = "/api/v1/workspace/identity-secret";

    private final IdentitySecrets secrets;

    IdentitySecretController(IdentitySecrets secrets) {
        this.secrets = secrets;
    }

    @PostMapping(PATH)
    ResponseEntity<IdentitySecrets.Created> rotate(WorkspaceAccess access) {
        return ResponseEntity.created(URI.create(PATH)).body(secrets.rotate(access.workspaceId()));
    }

    @GetMapping(PATH)
    IdentitySecrets.Info info(WorkspaceAccess access) {
        return secrets.info(access.workspaceId());
    }
}
