package org.opennps.analytics;

import org.opennps.workspace.WorkspaceAccess;
import org.opennps.workspace.WorkspaceService;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scores NPS leaves out because nobody confirmed them: one-click e-mail scores whose page was
 * never shown in a browser (see docs/one-click-scores.md). Same filters as {@code /nps}.
 */
@RestController
class UnconfirmedScoresController {

    private final FactQueries queries;
    private final WorkspaceService workspaces;

    UnconfirmedScoresController(FactQueries queries, WorkspaceService workspaces) {
        this.queries = queries;
        this.workspaces = workspaces;
    }

    /** Counts of unconfirmed scores, in total and per category. */
    record Unconfirmed(long responses, long promoters, long passives, long detractors) {}

    @GetMapping("/api/v1/analytics/unconfirmed")
    Unconfirmed unconfirmed(WorkspaceAccess access, @RequestParam MultiValueMap<String, String> params) {
        var zone = workspaces.get(access.workspaceId()).zone();
        Tally t = queries.unconfirmed(access.workspaceId(), NpsFilter.read(params, "", zone));
        return new Unconfirmed(
                t.promoters() + t.passives() + t.detractors(), t.promoters(), t.passives(), t.detractors());
    }
}
