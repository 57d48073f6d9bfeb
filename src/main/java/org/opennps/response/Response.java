package org.opennps.response;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opennps.invitation.Channel;
import org.opennps.survey.ScoreCategory;

/**
 * A stored response as the API shows it. {@code confirmed} is false for a one-click score not
 * yet confirmed on the page; {@code completedAt} is null for a partial response.
 */
public record Response(
        UUID id,
        UUID workspaceId,
        UUID surveyId,
        UUID campaignId,
        UUID invitationId,
        UUID contactId,
        Channel channel,
        Integer score,
        ScoreCategory category,
        boolean confirmed,
        Map<String, Object> answers,
        Map<String, Object> contactAttributes,
        Map<String, Object> eventProperties,
        String locale,
        Instant startedAt,
        Instant completedAt,
        Instant updatedAt) {

    public Response {
        answers = answers == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
        contactAttributes = contactAttributes == null ? Map.of() : contactAttributes;
        eventProperties = eventProperties == null ? Map.of() : eventProperties;
    }

    public boolean completed() {
        return completedAt != null;
    }

    ResponseRecorded recorded() {
        return recorded(false);
    }

    ResponseRecorded recorded(boolean imported) {
        return new ResponseRecorded(
                workspaceId,
                id,
                surveyId,
                campaignId,
                invitationId,
                contactId,
                channel,
                score,
                category,
                confirmed,
                answers,
                contactAttributes,
                eventProperties,
                locale,
                startedAt,
                completedAt,
                updatedAt,
                imported);
    }
}
