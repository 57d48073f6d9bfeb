package org.opennps.response;

import java.util.UUID;

/** A confirmed score was given for the first time or changed. */
public record ResponseScored(
        UUID workspaceId, UUID responseId, UUID contactId, int score, String category, String channel) {}
