package org.opennps.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.opennps.survey.ScoreCategory;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * Entry point of the analytics module for other modules: the same numbers the analytics API
 * answers, so nothing outside recomputes NPS its own way.
 */
@Service
public class AnalyticsService {

    private final NpsReports reports;
    private final ThemeReports themeReports;
    private final CampaignFunnels funnels;
    private final Respondents respondents;
    private final FactQueries facts;
    private final WorkspaceService workspaces;
    private final SamplingPlans samplingPlans;
    private final ThemeCosts themeCosts;

    AnalyticsService(
            NpsReports reports,
            ThemeReports themeReports,
            CampaignFunnels funnels,
            Respondents respondents,
            FactQueries facts,
            WorkspaceService workspaces,
            SamplingPlans samplingPlans,
            ThemeCosts themeCosts) {
        this.samplingPlans = samplingPlans;
        this.themeCosts = themeCosts;
        this.reports = reports;
        this.themeReports = themeReports;
        this.funnels = funnels;
        this.respondents = respondents;
        this.facts = facts;
        this.workspaces = workspaces;
    }

    /**
     * The sampling share that gives ±{@code points} NPS points per segment of {@code per}
     * ({@code attribute:city}) a month, from the counted answers of the last 90 days of one
     * campaign (or, with a null campaign, of one survey), as
     * {@code GET /api/v1/analytics/sampling-plan} answers it. {@code currentPercent} is the share
     * those answers were collected at. InvalidInputException on {@code per} when it is no segment.
     */
    public SamplingPlan samplingPlan(
            UUID workspaceId, UUID surveyId, UUID campaignId, String per, double points, int currentPercent) {
        NpsFilter filter = new NpsFilter(surveyId, campaignId, null, null, null, List.of(), null);
        return samplingPlans.plan(
                workspaceId, filter, Dimension.parse("per", per), points, currentPercent, zone(workspaceId));
    }

    /** NPS of every counted answer in {@code [since, until)}, whatever the survey; null bounds are open. */
    public NpsResult nps(UUID workspaceId, Instant since, Instant until) {
        return surveyNps(workspaceId, null, since, until);
    }

    /**
     * Counted answers of one category ({@code promoter}, {@code passive}, {@code detractor}) in
     * {@code [since, until)}, newest first, at most {@code limit}.
     */
    public List<ScoredAnswer> answers(
            UUID workspaceId, ScoreCategory category, Instant since, Instant until, int limit) {
        NpsFilter filter = new NpsFilter(null, null, null, since, until, List.of(), category.code());
        return facts.answers(workspaceId, filter, Math.max(1, Math.min(limit, 1000)));
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

    // The reads below take the analytics API's query parameters (survey_id, campaign_id,
    // channel, since, until, where, category) and answer exactly what the API answers for them,
    // so admin pages show the same numbers; broken parameters throw InvalidInputException
    // naming the parameter.

    /** As {@code GET /api/v1/analytics/nps} with these filters. */
    public NpsResult nps(UUID workspaceId, MultiValueMap<String, String> filters) {
        ZoneId zone = zone(workspaceId);
        return reports.nps(workspaceId, NpsFilter.read(filters, "", zone), zone);
    }

    /** As {@code GET /api/v1/analytics/nps?interval=} (day, week or month). */
    public Trend trend(UUID workspaceId, MultiValueMap<String, String> filters, String interval) {
        ZoneId zone = zone(workspaceId);
        NpsFilter filter = NpsFilter.read(filters, "", zone);
        return new Trend(interval, zone.getId(), reports.series(workspaceId, filter, interval, zone));
    }

    /** As {@code GET /api/v1/analytics/nps?group_by=} ({@code attribute:city}, {@code property:x}). */
    public Segments segments(UUID workspaceId, MultiValueMap<String, String> filters, String groupBy) {
        ZoneId zone = zone(workspaceId);
        Dimension dimension = Dimension.parse("group_by", groupBy);
        return new Segments(
                dimension.key(), reports.groups(workspaceId, NpsFilter.read(filters, "", zone), dimension, zone));
    }

    /** As {@code GET /api/v1/analytics/compare}: {@code a.}/{@code b.} prefixed filters win. */
    public Comparison compare(UUID workspaceId, MultiValueMap<String, String> filters) {
        ZoneId zone = zone(workspaceId);
        return reports.compare(
                workspaceId, NpsFilter.read(filters, "a.", zone), NpsFilter.read(filters, "b.", zone), zone);
    }

    /** As {@code GET /api/v1/analytics/areas}. */
    public AreaCounts areas(UUID workspaceId, MultiValueMap<String, String> filters) {
        return themeReports.areas(workspaceId, NpsFilter.read(filters, "", zone(workspaceId)));
    }

    /** As {@code GET /api/v1/analytics/themes}, {@code locale} included. */
    public Themes themes(UUID workspaceId, MultiValueMap<String, String> filters) {
        return themeReports.themes(
                workspaceId,
                NpsFilter.read(filters, "", zone(workspaceId)),
                AnalyticsController.language(filters.getFirst("locale")));
    }

    /**
     * Only the {@code themes} of {@link #themes}, without the older per-category phrases (which
     * analyse up to 15,000 comments on every call): what the dashboard shows.
     */
    public List<ThemeCost> themeCosts(UUID workspaceId, MultiValueMap<String, String> filters) {
        return themeCosts.themes(workspaceId, NpsFilter.read(filters, "", zone(workspaceId)), null);
    }

    private ZoneId zone(UUID workspaceId) {
        return workspaces.get(workspaceId).zone();
    }
}
