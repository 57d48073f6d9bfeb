package org.opennps.loop;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opennps.survey.ScoreCategory;

/**
 * A close-the-loop item for one response: who owns it, where it stands, what was done.
 *
 * @param status where it stands
 */
public record FeedbackCase(
        UUID id,
        UUID responseId,
        UUID contactId,
        UUID ruleId,
        Integer score,
        ScoreCategory category,
        CaseStatus status,
        String owner,
        List<String> tags,
        Instant dueAt,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        List<CaseNote> notes) {

    /** A note on a case. */
    public record CaseNote(UUID id, String author, String body, Instant createdAt) {}
}
