package org.opennps.workspace;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A tenant. {@code publicKey} is the narrow-scope key for the widget and mobile apps. */
public record Workspace(
        UUID id,
        String slug,
        String name,
        String publicKey,
        String timeZone,
        WorkspaceSettings settings,
        boolean demo,
        Instant createdAt) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
