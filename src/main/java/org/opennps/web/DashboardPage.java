package org.opennps.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.analytics.AnalyticsService;
import org.opennps.analytics.AreaCounts;
import org.opennps.analytics.NpsResult;
import org.opennps.analytics.ThemeCost;
import org.opennps.analytics.Trend;
import org.opennps.contact.ContactService;
import org.opennps.event.EventIntakeService;
import org.opennps.invitation.ChannelFilter;
import org.opennps.response.ResponseFilter;
import org.opennps.response.ResponseService;
import org.opennps.shared.AdminPage;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.PageResult;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home page: NPS with its interval and change against the previous period, the trend, the
 * category split, a segment table, passives' areas, themes and the latest comments, all for the
 * filters in the URL. Every number comes from the analytics module, as its API reports it.
 */
@Controller
@AdminPage
class DashboardPage {

    private static final int LATEST_COMMENTS = 5;

    private final AnalyticsService analytics;
    private final ResponseService responses;
    private final SurveyService surveys;
    private final CampaignNames campaigns;
    private final ContactService contacts;
    private final EventIntakeService events;
    private final JsonMapper json;
    private final Clock clock;
    private final String publicUrl;

    DashboardPage(
            AnalyticsService analytics,
            ResponseService responses,
            SurveyService surveys,
            CampaignNames campaigns,
            ContactService contacts,
            EventIntakeService events,
            JsonMapper json,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value(
                            "${opennps.public-url:http://localhost:${server.port:8080}}")
                    String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.analytics = analytics;
        this.responses = responses;
        this.surveys = surveys;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(
            WorkspaceAccess access,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) UUID survey,
            @RequestParam(required = false) UUID campaign,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String where,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String themes,
            Model model) {
        UUID ws = access.workspaceId();
        DashboardFilter filter = DashboardFilter.of(period, survey, campaign, channel, where, group);
        Instant now = end();
        try {
            fill(model, ws, filter, now);
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "errors",
                    e.violations().stream().map(DashboardPage::explain).toList());
            filter = filter.withoutSegment();
            fill(model, ws, filter, now);
        }
        if (themes != null) {
            fillThemes(model, ws, filter, now);
        }
        Map<UUID, Survey> surveyById = new java.util.LinkedHashMap<>();
        surveys.list(ws, PageResult.Request.of(1, PageResult.MAX_SIZE)).items().forEach(s -> surveyById.put(s.id(), s));
        model.addAttribute("filter", filter);
        model.addAttribute("periods", DashboardFilter.PERIODS);
        model.addAttribute("surveys", surveyById.values());
        model.addAttribute("campaigns", campaigns.all(ws));
        model.addAttribute("channels", ResponsePages.CHANNELS);
        model.addAttribute("dimensions", dimensions(ws, filter));
        model.addAttribute("latest", latest(ws, filter, now, surveyById));
        if (((NpsResult) model.getAttribute("nps")).responses() == 0 && !filter.narrowed()) {
            model.addAttribute(
                    "contactCount",
                    contacts.list(ws, null, PageResult.Request.of(1, 1)).total());
            model.addAttribute("eventCount", events.count(ws));
            model.addAttribute("baseUrl", publicUrl); // opennps.public-url, never the request's Host header
        }
        return "dashboard";
    }

    private void fill(Model model, UUID ws, DashboardFilter filter, Instant now) {
        var current = filter.params(now.minus(filter.chosen().length()), now);
        model.addAttribute("nps", analytics.nps(ws, current));
        model.addAttribute("comparison", analytics.compare(ws, filter.comparison(now)));
        Trend trend = analytics.trend(ws, current, filter.chosen().interval());
        List<TrendRow> rows = TrendRow.of(trend);
        model.addAttribute("trend", rows);
        model.addAttribute("trendJson", json.writeValueAsString(TrendRow.chartData(rows)));
        model.addAttribute("segments", analytics.segments(ws, current, filter.group()));
        var passive = filter.params(now.minus(filter.chosen().length()), now);
        passive.add("category", "passive");
        model.addAttribute(
                "passiveAreas",
                analytics.areas(ws, passive).categories().stream()
                        .findFirst()
                        .orElse(new AreaCounts.CategoryAreas("passive", 0, 0, List.of())));
    }

    /**
     * The top themes, loaded after the page (text analysis of many comments takes longer than
     * the numbers); without JavaScript the page links to itself with {@code themes=all}.
     */
    @GetMapping("/dashboard/themes")
    String themes(
            WorkspaceAccess access,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) UUID survey,
            @RequestParam(required = false) UUID campaign,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String where,
            Model model) {
        DashboardFilter filter = DashboardFilter.of(period, survey, campaign, channel, where, null);
        try {
            fillThemes(model, access.workspaceId(), filter, end());
        } catch (InvalidInputException e) {
            fillThemes(model, access.workspaceId(), filter.withoutSegment(), end());
        }
        return "dashboard :: themes";
    }

    private void fillThemes(Model model, UUID ws, DashboardFilter filter, Instant now) {
        var current = filter.params(now.minus(filter.chosen().length()), now);
        List<ThemeCost> themes = analytics.themeCosts(ws, current);
        model.addAttribute("themes", themes);
        // drivers: what fixing a theme could gain at most, largest first
        model.addAttribute(
                "drivers",
                themes.stream()
                        .filter(t -> t.gain() != null && t.gain() > 0 && t.complaints() > 0)
                        .sorted(java.util.Comparator.comparing(ThemeCost::gain).reversed())
                        .limit(6)
                        .toList());
        model.addAttribute(
                "praised",
                themes.stream()
                        .filter(t -> t.praise() > t.complaints())
                        .limit(4)
                        .toList());
        model.addAttribute(
                "passivesWant",
                themes.stream()
                        .filter(t -> t.passiveGap() != null && t.passiveGap() > 0)
                        .sorted(java.util.Comparator.comparing(ThemeCost::passiveGap)
                                .reversed())
                        .limit(3)
                        .toList());
    }

    /** The snapshot keys of recent responses, as segment dimensions to choose from. */
    private List<String> dimensions(UUID ws, DashboardFilter filter) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        keys.add(DashboardFilter.DEFAULT_GROUP);
        keys.add(filter.group());
        responses
                .list(ws, ResponseFilter.of(null, null, null, null, null), PageResult.Request.of(1, 100))
                .items()
                .forEach(r -> {
                    r.contactAttributes().keySet().forEach(k -> keys.add("attribute:" + k));
                    r.eventProperties().keySet().forEach(k -> keys.add("property:" + k));
                });
        return List.copyOf(keys);
    }

    private List<ResponsePages.InboxRow> latest(UUID ws, DashboardFilter f, Instant now, Map<UUID, Survey> surveys) {
        ResponseFilter filter = new ResponseFilter(
                f.survey(),
                f.campaign(),
                now.minus(f.chosen().length()),
                null,
                null,
                ChannelFilter.parse("channel", f.channel()),
                true);
        return responses.list(ws, filter, PageResult.Request.of(1, LATEST_COMMENTS)).items().stream()
                .map(r -> ResponsePages.InboxRow.of(r, surveys.get(r.surveyId()), null))
                .toList();
    }

    /**
     * The end of the period shown: the end of the current minute, so an answer given this
     * instant is in it (periods end exclusively) and views within a minute agree.
     */
    private Instant end() {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    private static String explain(FieldViolation v) {
        String field = "where".equals(v.field()) ? "Segment" : "group_by".equals(v.field()) ? "Breakdown" : v.field();
        return field + ": " + v.message() + " (shown without it)";
    }
}
