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

    /** The name of the workspace made at first start, until someone renames it. */
    public static final String FIRST_NAME = "Default workspace";

    /**
     * The name respondents see: the display name, else the sender name, else the workspace name;
     * null when none was chosen (the first workspace's placeholder name is never shown).
     */
    public String displayName() {
        if (settings.displayName() != null && !settings.displayName().isBlank()) {
            return settings.displayName();
        }
        if (settings.senderName() != null && !settings.senderName().isBlank()) {
            return settings.senderName();
        }
        return FIRST_NAME.equals(name) ? null : name;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
