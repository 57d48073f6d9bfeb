package org.opennps.response;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opennps.invitation.Channel;
import org.opennps.survey.ScoreCategory;

/**
 * A response was created or changed (score given or changed, confirmed, answer saved,
 * completed, anonymised). Carries the full current state: consumers upsert by
 * {@code responseId}. Published in the transaction that changes the response.
 *
 * @param category null without a score
 * @param answers question id → String, List of String or Integer
 * @param imported loaded from another system's history: listeners that act on live answers
 *     (alerts, webhooks, campaigns) leave it alone; analytics counts it in its own day
 */
public record ResponseRecorded(
        UUID workspaceId,
        UUID responseId,
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
        Instant updatedAt,
        boolean imported) {

    public ResponseRecorded(
            UUID workspaceId,
            UUID responseId,
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
        this(
                workspaceId,
                responseId,
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
                false);
    }
}
