package org.opennps.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opennps.analytics.SamplingPlan;
import org.opennps.shared.NotFoundException;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The share a campaign samples, and for a precision target the intervals it gives per segment. */
@RestController
@RequestMapping("/api/v1")
class CampaignSamplingController {

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
    record CampaignSampling(
            CampaignDefinition.Precision precision,
            int samplingPercent,
            int sharePercent,
            String basedOn,
            Instant plannedAt,
            Boolean reachable,
            Double months,
            List<SamplingPlan.Segment> segments) {}

    private final CampaignRepository campaigns;
    private final CampaignDefinitions definitions;
    private final PrecisionSampling sampling;

    CampaignSamplingController(
            CampaignRepository campaigns, CampaignDefinitions definitions, PrecisionSampling sampling) {
        this.campaigns = campaigns;
        this.definitions = definitions;
        this.sampling = sampling;
    }

    @GetMapping("/campaigns/{id}/sampling")
    CampaignSampling sampling(WorkspaceAccess access, @PathVariable UUID id) {
        CampaignRepository.Row row =
                campaigns.find(access.workspaceId(), id).orElseThrow(() -> new NotFoundException("Campaign"));
        CampaignDefinition d = definitions.get(row.id(), row.version());
        if (d.precision() == null) {
            return new CampaignSampling(
                    null, d.samplingPercent(), d.samplingPercent(), "sampling_percent", null, null, null, List.of());
        }
        PrecisionSampling.Share share = sampling.share(access.workspaceId(), id, row.version(), d);
        SamplingPlan plan = share.plan();
        return new CampaignSampling(
                d.precision(),
                d.samplingPercent(),
                share.sharePercent(),
                share.basedOn(),
                share.plannedAt(),
                plan == null ? null : plan.reachable(),
                plan == null ? null : plan.months(),
                plan == null ? List.of() : plan.segments());
    }
}
