package org.opennps.analytics;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds response states the way the response module announces them. */
final class AnalyticsFixtures {

    private AnalyticsFixtures() {}

    static ResponseFact scored(UUID ws, int score, Instant at) {
        return scored(ws, UUID.randomUUID(), score, at, Map.of(), Map.of());
    }

    static ResponseFact scored(
            UUID ws, UUID contact, int score, Instant at, Map<String, Object> attributes, Map<String, Object> props) {
        return new ResponseFact(
                ws,
                UUID.randomUUID(),
                null,
                null,
                null,
                contact,
                "email",
                score,
                null,
                true,
                Map.of(),
                attributes,
                props,
                "en",
                at,
                at,
                at,
                null);
    }

    static ResponseFact withAnswers(ResponseFact f, Map<String, Object> answers) {
        return new ResponseFact(
                f.workspaceId(),
                f.responseId(),
                f.surveyId(),
                f.campaignId(),
                f.invitationId(),
                f.contactId(),
                f.channel(),
                f.score(),
                f.category(),
                f.confirmed(),
                answers,
                f.contactAttributes(),
                f.eventProperties(),
                f.locale(),
                f.startedAt(),
                f.completedAt(),
                f.updatedAt(),
                f.kinds());
    }

    static ResponseFact changed(ResponseFact f, Integer score, boolean confirmed, Instant updatedAt) {
        return new ResponseFact(
                f.workspaceId(),
                f.responseId(),
                f.surveyId(),
                f.campaignId(),
                f.invitationId(),
                f.contactId(),
                f.channel(),
                score,
                null,
                confirmed,
                f.answers(),
                f.contactAttributes(),
                f.eventProperties(),
                f.locale(),
                f.startedAt(),
                f.completedAt(),
                updatedAt,
                f.kinds());
    }

    static ResponseFact withoutSnapshot(ResponseFact f) {
        return new ResponseFact(
                f.workspaceId(),
                f.responseId(),
                f.surveyId(),
                f.campaignId(),
                f.invitationId(),
                null,
                f.channel(),
                f.score(),
                f.category(),
                f.confirmed(),
                Map.of(),
                Map.of(),
                Map.of(),
                f.locale(),
                f.startedAt(),
                f.completedAt(),
                f.updatedAt(),
                f.kinds());
    }
}
