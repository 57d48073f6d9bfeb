package org.opennps.analytics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The full current state of one response as analytics keeps it: the shape the response
 * module announces, copied here so the projection does not depend on how it is delivered,
 * plus what the survey says about its questions ({@code kinds}; null when unknown).
 */
record ResponseFact(
        UUID workspaceId,
        UUID responseId,
        UUID surveyId,
        UUID campaignId,
        UUID invitationId,
        UUID contactId,
        String channel,
        Integer score,
        String category,
        boolean confirmed,
        Map<String, Object> answers,
        Map<String, Object> contactAttributes,
        Map<String, Object> eventProperties,
        String locale,
        Instant startedAt,
        Instant completedAt,
        Instant updatedAt,
        Answers.Kinds kinds) {

    ResponseFact {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        answers = answers == null ? Map.of() : answers;
        contactAttributes = contactAttributes == null ? Map.of() : contactAttributes;
        eventProperties = eventProperties == null ? Map.of() : eventProperties;
        if (score != null && category == null) {
            category = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
        }
    }

    /** Counts in NPS only when a score was given and confirmed (not a link scanner's click). */
    boolean counted() {
        return confirmed && score != null && category != null;
    }

    /** When the score was given: the start of the response, which the score opens. */
    Instant answeredAt() {
        return startedAt != null ? startedAt : completedAt != null ? completedAt : updatedAt;
    }
}
