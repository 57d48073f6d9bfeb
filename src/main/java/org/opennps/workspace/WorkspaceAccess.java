package org.opennps.workspace;

import java.util.UUID;

/**
 * Who is calling, resolved from the API key or the signed-in user: every query a controller
 * makes is scoped to {@code workspaceId}. Declare it as a controller method parameter.
 */
public record WorkspaceAccess(UUID workspaceId, UUID apiKeyId, UUID userId) {

    public static WorkspaceAccess ofApiKey(UUID workspaceId, UUID apiKeyId) {
        return new WorkspaceAccess(workspaceId, apiKeyId, null);
    }
}
