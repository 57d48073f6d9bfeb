package org.opennps.response;

import java.time.Instant;
import java.util.UUID;
import org.opennps.invitation.ChannelFilter;
import org.opennps.shared.SqlTimes;
import org.opennps.survey.ScoreCategory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Filters of the response listing, export and inbox; null means any. Times apply to started_at.
 *
 * @param channel only this channel, or every channel but one ({@code !link} leaves out the
 *     public link's anonymous answers)
 * @param hasComment true: only responses with a non-blank text answer; false: only without
 */
public record ResponseFilter(
        UUID surveyId,
        UUID campaignId,
        Instant since,
        Instant until,
        ScoreCategory category,
        ChannelFilter channel,
        Boolean hasComment) {

    /** The filters of the API listing and export. */
    public static ResponseFilter of(
            UUID surveyId, UUID campaignId, Instant since, Instant until, ScoreCategory category) {
        return new ResponseFilter(surveyId, campaignId, since, until, category, null, null);
    }

    String where() {
        return " from response where workspace_id = :ws"
                + (surveyId == null ? "" : " and survey_id = :survey")
                + (campaignId == null ? "" : " and campaign_id = :campaign")
                + (since == null ? "" : " and started_at >= :since")
                + (until == null ? "" : " and started_at < :until")
                + (category == null ? "" : " and category = :category")
                + (channel == null
                        ? ""
                        : channel.leftOut() ? " and coalesce(channel, '') <> :channel" : " and channel = :channel")
                + (hasComment == null ? "" : " and has_comment = :comment");
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UUID workspaceId) {
        spec = spec.param("ws", workspaceId);
        if (surveyId != null) {
            spec = spec.param("survey", surveyId);
        }
        if (campaignId != null) {
            spec = spec.param("campaign", campaignId);
        }
        if (since != null) {
            spec = spec.param("since", SqlTimes.param(since));
        }
        if (until != null) {
            spec = spec.param("until", SqlTimes.param(until));
        }
        if (channel != null) {
            spec = spec.param("channel", channel.channel().code());
        }
        if (hasComment != null) {
            spec = spec.param("comment", hasComment);
        }
        return category == null ? spec : spec.param("category", category.code());
    }
}
