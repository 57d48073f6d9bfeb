package org.opennps.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the fact table in step with responses: every announcement carries a response's full
 * current state, so the row is replaced, unless the stored state is newer (announcements can
 * arrive out of order when they are republished after a restart). The daily rollup moves with
 * it in the same transaction: the old contribution out, the new one in.
 */
@Service
class AnalyticsProjection {

    private final FactRepository facts;
    private final Rollups rollups;
    private final WorkspaceService workspaces;
    private final CommentThemes themes;

    AnalyticsProjection(FactRepository facts, Rollups rollups, WorkspaceService workspaces, CommentThemes themes) {
        this.facts = facts;
        this.rollups = rollups;
        this.workspaces = workspaces;
        this.themes = themes;
    }

    /** Applies one response state; returns false when a newer state was stored already. */
    @Transactional
    boolean record(ResponseFact fact) {
        ZoneId zone = workspaces.get(fact.workspaceId()).zone();
        Rollups.Contribution now = FactRepository.contribution(fact, zone);
        if (facts.insert(fact, zone)) {
            add(fact, now, 1);
            storeThemes(fact);
            return true;
        }
        Optional<Instant> stored = facts.lockUpdatedAt(fact.responseId());
        if (stored.isPresent() && stored.get().isAfter(fact.updatedAt())) {
            return false;
        }
        Optional<Rollups.Contribution> before = rollups.stored(fact.responseId());
        facts.update(fact, zone);
        before.ifPresent(c -> add(fact, c, -1));
        add(fact, now, 1);
        storeThemes(fact);
        return true;
    }

    /** Removes deleted responses: their contribution leaves the rollup, the fact rows (and themes) go. */
    @Transactional
    void forget(UUID workspaceId, java.util.List<UUID> responseIds) {
        for (UUID id : responseIds) {
            if (facts.lockUpdatedAt(id).isPresent()) {
                rollups.stored(id).ifPresent(c -> rollups.apply(workspaceId, c, -1));
            }
        }
        facts.delete(workspaceId, responseIds);
    }

    /**
     * Applies the first states of a batch of responses (imported history) with a few
     * statements for the whole batch: the facts and their segments, the rollup rows summed
     * per row, the comments' themes. A response already stored is applied as {@link #record}
     * applies it.
     */
    @Transactional
    void recordAll(UUID workspaceId, List<ResponseFact> batch) {
        if (batch.isEmpty()) {
            return;
        }
        ZoneId zone = workspaces.get(workspaceId).zone();
        boolean[] inserted = facts.insertAll(batch, zone);
        Map<Rollups.Key, Tally> deltas = new HashMap<>();
        List<CommentThemes.Comment> comments = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ResponseFact fact = batch.get(i);
            if (!inserted[i]) {
                record(fact);
                continue;
            }
            Rollups.Contribution c = FactRepository.contribution(fact, zone);
            if (c != null) {
                Tally one = Tally.ofCategory(c.category(), 1);
                Rollups.keys(c).forEach(k -> deltas.merge(k, one, Tally::plus));
            }
            comments.add(new CommentThemes.Comment(fact.responseId(), Answers.comment(fact.answers(), fact.kinds())));
        }
        rollups.addAll(workspaceId, deltas);
        themes.storeNew(workspaceId, comments);
    }

    /** The comment's themes, found as it arrives (well under a millisecond), in the same transaction. */
    private void storeThemes(ResponseFact fact) {
        themes.store(fact.workspaceId(), fact.responseId(), Answers.comment(fact.answers(), fact.kinds()));
    }

    private void add(ResponseFact fact, Rollups.Contribution contribution, int sign) {
        if (contribution != null) {
            rollups.apply(fact.workspaceId(), contribution, sign);
        }
    }
}
