package org.opennps.analytics;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a workspace's daily rollup in its current time zone after the zone changed. Until
 * it is done the rollup holds rows of two zones, which makes every query read the fact table
 * (see {@link Rollups#consistent}), so answers stay exact meanwhile. Each batch is its own
 * transaction: a rebuild stopped halfway continues where the facts stand, and the zone is read
 * again before each batch, so a second change of zone restarts it in the newest zone.
 */
@Service
class RollupRebuild {

    static final int BATCH = 2000;

    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

    /** What a rebuild did: the zone the rollup is in now and how many answers moved into it. */
    record Result(String zone, long moved) {}

    private final RollupMoves moves;
    private final Rollups rollups;
    private final WorkspaceService workspaces;
    private final TransactionTemplate transactions;

    RollupRebuild(RollupMoves moves, Rollups rollups, WorkspaceService workspaces, TransactionTemplate transactions) {
        this.moves = moves;
        this.rollups = rollups;
        this.workspaces = workspaces;
        this.transactions = transactions;
    }

    /**
     * Moves every counted answer into the current zone's rows, then drops the old zone's rows.
     * {@code stop} is asked between batches (node shutting down): the rebuild then throws, and
     * the task runs again later from where the facts stand.
     */
    Result rebuild(UUID ws, BooleanSupplier stop) {
        long moved = 0;
        while (true) {
            Optional<ZoneId> zone = workspaces.find(ws).map(Workspace::zone);
            if (zone.isEmpty()) {
                return new Result(null, moved);
            }
            long total = moves.remaining(ws, zone.get());
            if (total > 0) {
                log.info(
                        "Rebuilding the daily rollup of workspace {} in {}: {} answers to move", ws, zone.get(), total);
                long passMoved = pass(ws, zone.get(), total, stop);
                if (passMoved == 0
                        && workspaces
                                .find(ws)
                                .map(w -> w.zone().equals(zone.get()))
                                .orElse(false)) {
                    // nothing could move although answers wait: give up this run, the task retries later
                    throw new IllegalStateException("Rollup rebuild of workspace " + ws + " made no progress");
                }
                moved += passMoved;
            }
            Boolean done = transactions.execute(tx -> finish(ws, zone.get()));
            if (Boolean.TRUE.equals(done)) {
                log.info("Daily rollup of workspace {} is in {} ({} answers moved)", ws, zone.get(), moved);
                return new Result(zone.get().getId(), moved);
            }
        }
    }

    private long pass(UUID ws, ZoneId zone, long total, BooleanSupplier stop) {
        RollupMoves.Cursor cursor = RollupMoves.Cursor.START;
        long moved = 0;
        long batches = 0;
        while (workspaces.find(ws).map(w -> w.zone().equals(zone)).orElse(false)) {
            if (stop.getAsBoolean()) {
                throw new IllegalStateException("Rollup rebuild of workspace " + ws + " stopped after " + moved
                        + " answers; it continues on the next run");
            }
            RollupMoves.Cursor from = cursor;
            RollupMoves.Batch batch = transactions.execute(tx -> moves.move(ws, zone, from, BATCH));
            if (batch == null || batch.moved() == 0) {
                break;
            }
            moved += batch.moved();
            cursor = batch.last();
            if (++batches % 25 == 0) {
                log.info("Rollup rebuild of workspace {} in {}: {} of {} answers moved", ws, zone, moved, total);
            }
        }
        return moved;
    }

    /** Done when the zone is still current and no fact counts in another zone's rows. */
    private boolean finish(UUID ws, ZoneId zone) {
        boolean current = workspaces.find(ws).map(w -> w.zone().equals(zone)).orElse(true);
        if (!current || moves.remaining(ws, zone) > 0) {
            return false;
        }
        rollups.dropOtherZones(ws, zone);
        return true;
    }
}
