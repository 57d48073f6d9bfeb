package org.opennps.analytics;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.WorkspaceAccess;
import org.opennps.workspace.WorkspaceService;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    private static final Pattern EVENT_TYPE = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");
    private static final int MAX_STEPS = 10;
    private static final Duration MAX_WITHIN = Duration.ofDays(366);

    private final NpsReports reports;
    private final ThemeReports themes;
    private final JourneyReports journeys;
    private final CampaignFunnels funnels;
    private final WorkspaceService workspaces;
    private final SamplingPlans samplingPlans;

    AnalyticsController(
            SamplingPlans samplingPlans,
            NpsReports reports,
            ThemeReports themes,
            JourneyReports journeys,
            CampaignFunnels funnels,
            WorkspaceService workspaces) {
        this.reports = reports;
        this.themes = themes;
        this.journeys = journeys;
        this.funnels = funnels;
        this.workspaces = workspaces;
        this.samplingPlans = samplingPlans;
    }

    /**
     * {@code per=attribute:city&points=5}: the sampling share that gives ±points NPS per segment
     * per month, with the expected and the achieved interval per segment; {@code sampling_percent}
     * is the share the observed answers were collected at (default 100).
     */
    @GetMapping("/sampling-plan")
    SamplingPlan samplingPlan(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        ZoneId zone = zone(access);
        NpsFilter filter = NpsFilter.read(params, "", zone);
        String per = params.getFirst("per");
        if (per == null || per.isBlank()) {
            throw new InvalidInputException("per", "is required, such as attribute:city");
        }
        Dimension dimension = Dimension.parse("per", per);
        double points = number(params.getFirst("points"), "points", 0.5, 100, null);
        int current = (int) number(params.getFirst("sampling_percent"), "sampling_percent", 1, 100, 100.0);
        return samplingPlans.plan(access.workspaceId(), filter, dimension, points, current, zone);
    }

    private static double number(String text, String field, double min, double max, Double fallback) {
        if (text == null || text.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new InvalidInputException(field, "is required");
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (!(v >= min && v <= max)) {
                throw new InvalidInputException(field, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number");
        }
    }

    /** Invitation stages of one campaign ({@code campaign_id}), or of every campaign with invitations. */
    @GetMapping("/campaign-funnel")
    Object campaignFunnel(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        NpsFilter period = NpsFilter.read(params, "", zone(access));
        if (period.campaignId() != null) {
            return funnels.of(access.workspaceId(), period.campaignId(), period.since(), period.until());
        }
        return new CampaignFunnelList(funnels.all(access.workspaceId(), period.since(), period.until()));
    }

    /** NPS of the filtered answers; with {@code interval} a trend, with {@code group_by} segments. */
    @GetMapping("/nps")
    Object nps(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        ZoneId zone = zone(access);
        NpsFilter filter = NpsFilter.read(params, "", zone);
        String interval = params.getFirst("interval");
        String groupBy = params.getFirst("group_by");
        if (interval != null && groupBy != null) {
            throw new InvalidInputException("group_by", "cannot be combined with interval");
        }
        if (interval != null) {
            return new Trend(interval, zone.getId(), reports.series(access.workspaceId(), filter, interval, zone));
        }
        if (groupBy != null) {
            Dimension dimension = Dimension.parse("group_by", groupBy);
            return new Segments(dimension.key(), reports.groups(access.workspaceId(), filter, dimension, zone));
        }
        return reports.nps(access.workspaceId(), filter, zone);
    }

    /** Two periods or segments: {@code a.since}, {@code b.where}, …; plain filters apply to both. */
    @GetMapping("/compare")
    Comparison compare(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        ZoneId zone = zone(access);
        NpsFilter a = NpsFilter.read(params, "a.", zone);
        NpsFilter b = NpsFilter.read(params, "b.", zone);
        return reports.compare(access.workspaceId(), a, b, zone);
    }

    /** Counts of the area answer per category ({@code category=passive} for one). */
    @GetMapping("/areas")
    AreaCounts areas(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        return themes.areas(access.workspaceId(), NpsFilter.read(params, "", zone(access)));
    }

    /** Top themes of the open answers per category, with examples, areas and sentiment. */
    @GetMapping("/themes")
    Themes themes(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        return themes.themes(
                access.workspaceId(), NpsFilter.read(params, "", zone(access)), language(params.getFirst("locale")));
    }

    /** The language of the comments to read: "en" or "pl" (a region such as "pl-PL" is ignored). */
    static String language(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        String language = locale.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
        if (!language.equals("en") && !language.equals("pl")) {
            throw new InvalidInputException("locale", "must be en or pl");
        }
        return language;
    }

    /** {@code steps=page.view,cart.add,…&within=P7D}: how far each category's contacts got. */
    @GetMapping("/funnel")
    Funnel funnel(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        java.time.ZoneId zone = zone(access);
        NpsFilter filter = NpsFilter.read(params, "", zone);
        Duration within = within(params);
        String label = params.getFirst("within") == null
                ? "P7D"
                : params.getFirst("within").strip();
        return journeys.funnel(access.workspaceId(), filter, steps(params.getFirst("steps")), within, label);
    }

    /** Contacts who were passive and later promoters, the reverse, and all category transitions. */
    @GetMapping("/movement")
    Movement movement(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        return journeys.movement(access.workspaceId(), NpsFilter.read(params, "", zone(access)));
    }

    private static List<String> steps(String text) {
        List<String> steps = text == null
                ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).toList();
        if (steps.size() < 2
                || steps.size() > MAX_STEPS
                || !steps.stream().allMatch(s -> EVENT_TYPE.matcher(s).matches())) {
            throw new InvalidInputException("steps", "must be 2 to " + MAX_STEPS + " comma-separated event types");
        }
        return steps;
    }

    private static Duration within(MultiValueMap<String, String> params) {
        String text = params.getFirst("within");
        try {
            Duration within = text == null || text.isBlank() ? Duration.ofDays(7) : Duration.parse(text.strip());
            if (!within.isPositive() || within.compareTo(MAX_WITHIN) > 0) {
                throw new InvalidInputException("within", "must be a positive duration of at most P366D");
            }
            return within;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("within", "must be an ISO-8601 duration such as P7D");
        }
    }

    private ZoneId zone(WorkspaceAccess access) {
        return workspaces.get(access.workspaceId()).zone();
    }
}
