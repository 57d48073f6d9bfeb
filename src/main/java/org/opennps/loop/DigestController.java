package org.opennps.loop;

import org.opennps.workspace.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The workspace's daily digest settings. */
@RestController
@RequestMapping("/api/v1/digest")
class DigestController {

    private final DigestService digests;

    DigestController(DigestService digests) {
        this.digests = digests;
    }

    @GetMapping
    DigestSettings get(WorkspaceAccess access) {
        return digests.settings(access.workspaceId());
    }

    @PutMapping
    DigestSettings put(WorkspaceAccess access, @RequestBody JsonNode body) {
        return digests.update(access.workspaceId(), body);
    }
}
