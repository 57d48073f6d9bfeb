package org.opennps.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What the public key may write, on the server API (secret key):
 * {@code {"writable_attributes":["plan_interest",…]}}, the contact attributes {@code identify}
 * may set. Empty by default: the public key sets no attribute until the workspace lists some.
 */
@RestController
class ClientSettingsController {

    private static final String PATH = "/api/v1/workspace/client-settings";

    private final ClientAttributes attributes;

    ClientSettingsController(ClientAttributes attributes) {
        this.attributes = attributes;
    }

    @GetMapping(PATH)
    Map<String, Object> get(WorkspaceAccess access) {
        return Map.of("writable_attributes", attributes.writable(access.workspaceId()));
    }

    @PutMapping(PATH)
    Map<String, Object> put(WorkspaceAccess access, @RequestBody JsonNode body) {
        JsonNode list = body.path("writable_attributes");
        if (!list.isArray()) {
            throw new InvalidInputException("writable_attributes", "must be a list of attribute names");
        }
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.isString() ? n.stringValue() : null));
        return Map.of("writable_attributes", attributes.setWritable(access.workspaceId(), names));
    }
}
