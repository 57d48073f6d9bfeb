package org.opennps.analytics;

import java.time.ZoneId;
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

    private final NpsReports reports;
    private final WorkspaceService workspaces;

    AnalyticsController(NpsReports reports, WorkspaceService workspaces) {
        this.reports = reports;
        this.workspaces = workspaces;
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
            return new Segments(dimension.key(), reports.groups(access.workspaceId(), filter, dimension));
        }
        return reports.nps(access.workspaceId(), filter);
    }

    /** Two periods or segments: {@code a.since}, {@code b.where}, …; plain filters apply to both. */
    @GetMapping("/compare")
    Comparison compare(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        ZoneId zone = zone(access);
        NpsFilter a = NpsFilter.read(params, "a.", zone);
        NpsFilter b = NpsFilter.read(params, "b.", zone);
        return reports.compare(access.workspaceId(), a, b);
    }

    private ZoneId zone(WorkspaceAccess access) {
        return workspaces.get(access.workspaceId()).zone();
    }
}
