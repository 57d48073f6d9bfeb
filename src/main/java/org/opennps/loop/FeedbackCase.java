package org.opennps.loop;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A close-the-loop item for one response: who owns it, where it stands, what was done.
 *
 * @param status open, in_progress or resolved
 */
public record FeedbackCase(
        UUID id,
        UUID responseId,
        UUID contactId,
        UUID ruleId,
        Integer score,
        String category,
        String status,
        String owner,
        List<String> tags,
        Instant dueAt,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        List<CaseNote> notes) {

    public static final String OPEN = "open";
    public static final String IN_PROGRESS = "in_progress";
    public static final String RESOLVED = "resolved";

    /** A note on a case. */
    public record CaseNote(UUID id, String author, String body, Instant createdAt) {}
}
