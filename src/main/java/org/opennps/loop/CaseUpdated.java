package org.opennps.loop;

import java.time.Instant;
import java.util.UUID;

/** A case was opened or changed (status, owner, note, tags, due time). */
public record CaseUpdated(
        UUID workspaceId, UUID caseId, UUID responseId, CaseStatus status, String owner, Instant updatedAt) {}
