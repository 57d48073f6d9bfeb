package org.opennps.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.opennps.analytics.AnalyticsService;
import org.opennps.analytics.SamplingPlan;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The share a campaign samples when it asks for a precision ("±5 NPS points per city a month")
 * instead of a fixed {@code sampling_percent}: analytics' sampling plan over the campaign's own
 * counted answers of the last 90 days, collected at the share it applied then; before the campaign
 * has answers, over its survey's (as if collected at 100 %); with neither, {@code sampling_percent}.
 * The plan is kept in {@code campaign_sampling} and made again when the campaign has a new version
 * or the plan is a day old (at once when it had no answers to plan from), so journeys read one
 * row, not the facts.
 */
@Service
class PrecisionSampling {

    static final Duration REPLAN_AFTER = Duration.ofDays(1);

    /** The share in force and where it came from: {@code campaign}, {@code survey} or {@code none}. */
    record Share(
            int sharePercent,
            String basedOn,
            Instant plannedAt,
            CampaignDefinition.Precision precision,
            SamplingPlan plan) {}

    private final JdbcClient jdbc;
    private final AnalyticsService analytics;
    private final JsonMapper json;
    private final Clock clock;

    PrecisionSampling(JdbcClient jdbc, AnalyticsService analytics, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.analytics = analytics;
        this.json = json;
        this.clock = clock;
    }

    /** The share to sample now: {@code sampling_percent} without a precision, else the current plan's. */
    int percent(UUID workspaceId, UUID campaignId, int version, CampaignDefinition campaign) {
        if (campaign.precision() == null) {
            return campaign.samplingPercent();
        }
        return share(workspaceId, campaignId, version, campaign).sharePercent();
    }

    /** The current plan, made again first when it is missing, of an older version or a day old. */
    Share share(UUID workspaceId, UUID campaignId, int version, CampaignDefinition campaign) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Stored> stored = stored(campaignId);
        if (stored.isPresent()
                && stored.get().version() >= version // a journey of an older version uses the newer plan
                && stored.get().plannedAt().plus(REPLAN_AFTER).isAfter(now)
                // a plan from no answers is made again as soon as asked: answers may have come
                && !stored.get().basedOn().equals("none")) {
            return stored.get().share(campaign.precision());
        }
        int collectedAt = stored.map(s -> s.share().sharePercent()).orElse(campaign.samplingPercent());
        Share share = plan(workspaceId, campaignId, campaign, collectedAt, now);
        save(campaignId, version, share);
        return share;
    }

    /** What a preview shows: the stored plan, or one made now and not kept (a preview changes nothing). */
    int previewPercent(UUID workspaceId, UUID campaignId, CampaignDefinition campaign) {
        if (campaign.precision() == null) {
            return campaign.samplingPercent();
        }
        return stored(campaignId)
                .map(Stored::sharePercent)
                .orElseGet(() -> plan(workspaceId, campaignId, campaign, campaign.samplingPercent(), clock.instant())
                        .sharePercent());
    }

    private Share plan(UUID workspaceId, UUID campaignId, CampaignDefinition campaign, int collectedAt, Instant now) {
        CampaignDefinition.Precision p = campaign.precision();
        SamplingPlan own = analytics.samplingPlan(workspaceId, null, campaignId, p.per(), p.points(), collectedAt);
        if (!own.segments().isEmpty()) {
            return new Share(own.sharePercent(), "campaign", now, p, own);
        }
        if (campaign.surveyId() != null) {
            SamplingPlan survey =
                    analytics.samplingPlan(workspaceId, campaign.surveyId(), null, p.per(), p.points(), 100);
            if (!survey.segments().isEmpty()) {
                return new Share(survey.sharePercent(), "survey", now, p, survey);
            }
        }
        return new Share(campaign.samplingPercent(), "none", now, p, null);
    }

    private record Stored(int version, Instant plannedAt, int sharePercent, String basedOn, SamplingPlan plan) {
        Share share(CampaignDefinition.Precision precision) {
            return new Share(sharePercent, basedOn, plannedAt, precision, plan);
        }

        Share share() {
            return share(null);
        }
    }

    private Optional<Stored> stored(UUID campaignId) {
        return jdbc.sql("select campaign_version, planned_at, share_percent, based_on, plan from campaign_sampling"
                        + " where campaign_id = ?")
                .param(campaignId)
                .query((rs, i) -> new Stored(
                        rs.getInt(1),
                        SqlTimes.instant(rs, 2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5) == null ? null : json.readValue(rs.getString(5), SamplingPlan.class)))
                .optional();
    }

    /** Update, else insert; a second node planning at the same time inserts nothing. */
    private void save(UUID campaignId, int version, Share share) {
        String plan = share.plan() == null ? null : json.writeValueAsString(share.plan());
        int updated = jdbc.sql("update campaign_sampling set campaign_version = ?, share_percent = ?, based_on = ?,"
                        + " plan = ?, planned_at = ? where campaign_id = ?")
                .params(
                        version,
                        share.sharePercent(),
                        share.basedOn(),
                        plan,
                        SqlTimes.param(share.plannedAt()),
                        campaignId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into campaign_sampling (campaign_id, campaign_version, share_percent, based_on, plan,"
                            + " planned_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(
                            campaignId,
                            version,
                            share.sharePercent(),
                            share.basedOn(),
                            plan,
                            SqlTimes.param(share.plannedAt()))
                    .update();
        }
    }
}
