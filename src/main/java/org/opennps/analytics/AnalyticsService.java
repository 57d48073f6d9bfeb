package org.opennps.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Service;

/**
 * Entry point of the analytics module for other modules: the same numbers the analytics API
 * answers, so nothing outside recomputes NPS its own way.
 */
@Service
public class AnalyticsService {

    private final NpsReports reports;
    private final CampaignFunnels funnels;
    private final WorkspaceService workspaces;

    AnalyticsService(NpsReports reports, CampaignFunnels funnels, WorkspaceService workspaces) {
        this.reports = reports;
        this.funnels = funnels;
        this.workspaces = workspaces;
    }

    /**
     * NPS of one survey's counted answers in {@code [since, until)}, as
     * {@code GET /api/v1/analytics/nps?survey_id=&since=&until=} reports it. Null bounds mean
     * open; until must be after since (InvalidInputException on {@code until}).
     */
    public NpsResult surveyNps(UUID workspaceId, UUID surveyId, Instant since, Instant until) {
        NpsFilter filter = new NpsFilter(surveyId, null, null, since, until, List.of(), null);
        return reports.nps(workspaceId, filter, workspaces.get(workspaceId).zone());
    }

    /**
     * How far one campaign's invitations created in {@code [since, until)} got (null bounds are
     * open): scheduled → sent → opened → responded → commented, and the suppressed ones by
     * reason. NotFoundException when the campaign never invited anyone in this workspace.
     */
    public CampaignFunnel campaignFunnel(UUID workspaceId, UUID campaignId, Instant since, Instant until) {
        return funnels.of(workspaceId, campaignId, since, until);
    }

    /** The funnel of every campaign with invitations created in {@code [since, until)}, by campaign id. */
    public List<CampaignFunnel> campaignFunnels(UUID workspaceId, Instant since, Instant until) {
        return funnels.all(workspaceId, since, until);
    }
}
