package org.opennps.campaign;

import java.time.Instant;
import java.util.List;
import org.opennps.analytics.SamplingPlan;

/** The share a campaign samples, and for a precision target the intervals it gives per segment. */
/**
 * @param precision the precision asked for, null for a fixed {@code sampling_percent}
 * @param sharePercent the share of people the campaign asks now (sticky per contact, under the
 *     daily cap)
 * @param basedOn {@code campaign} (its own answers of the last 90 days), {@code survey} (its
 *     survey's, before it has any), {@code none} (no answers yet: {@code sampling_percent}), or
 *     {@code sampling_percent} (no precision asked for)
 * @param segments per segment: answers a month, the interval a month expected at the share
 *     (before activation) and the one achieved in the last 30 days (after)
 */
public record CampaignSampling(
        SaveCampaign.Precision precision,
        int samplingPercent,
        int sharePercent,
        String basedOn,
        Instant plannedAt,
        Boolean reachable,
        Double months,
        List<SamplingPlan.Segment> segments) {}
