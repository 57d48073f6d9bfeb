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
    private final Respondents respondents;
    private final WorkspaceService workspaces;

    AnalyticsService(
            NpsReports reports, CampaignFunnels funnels, Respondents respondents, WorkspaceService workspaces) {
        this.reports = reports;
        this.funnels = funnels;
        this.respondents = respondents;
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

    /**
     * The distinct contacts (in id order) with at least one counted response completed in
     * {@code [since, until)} that meets every restriction of the query: category, area answer,
     * and a comment containing one of the themes. InvalidInputException names an unknown
     * category ({@code categories}), area ({@code areas}) or an unusable theme ({@code themes}).
     */
    public List<UUID> respondents(UUID workspaceId, RespondentQuery query) {
        return respondents.find(workspaceId, query);
    }
}
