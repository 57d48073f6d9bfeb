package org.opennps.response;

import java.util.UUID;

/** The respondent finished the survey. */
public record ResponseCompleted(UUID workspaceId, UUID responseId) {}
