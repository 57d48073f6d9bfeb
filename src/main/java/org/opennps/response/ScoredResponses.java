package org.opennps.response;

import java.time.Instant;
import java.util.UUID;

/**
 * Which confirmed, scored responses to list: those a Net Promoter Score counts. Null fields mean
 * any; {@code until} is exclusive; {@code since}/{@code until} apply to when the response
 * started, {@code updatedSince}/{@code updatedUntil} (both inclusive) to its last change.
 *
 * @param oldestFirst order ascending instead of newest first
 * @param byUpdate order by the last change instead of the start
 */
public record ScoredResponses(
        UUID surveyId,
        UUID contactId,
        Instant since,
        Instant until,
        boolean oldestFirst,
        Instant updatedSince,
        Instant updatedUntil,
        boolean byUpdate) {

    public ScoredResponses(UUID surveyId, UUID contactId, Instant since, Instant until, boolean oldestFirst) {
        this(surveyId, contactId, since, until, oldestFirst, null, null, false);
    }
}
