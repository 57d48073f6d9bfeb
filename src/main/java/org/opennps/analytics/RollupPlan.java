package org.opennps.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How a filter maps onto the daily rollup, if it can: whole local days (since/until absent or
 * at midnight in the workspace's zone), at most one segment condition, no category filter.
 * Anything else is answered from the fact table, so the rollup never approximates.
 */
record RollupPlan(ZoneId zone, String dim, String val, LocalDate from, LocalDate to) {

    static Optional<RollupPlan> of(NpsFilter filter, ZoneId zone) {
        if (filter.category() != null || filter.where().size() > 1) {
            return Optional.empty();
        }
        LocalDate from = day(filter.since(), zone);
        LocalDate to = day(filter.until(), zone);
        if ((filter.since() != null && from == null) || (filter.until() != null && to == null)) {
            return Optional.empty();
        }
        if (filter.where().isEmpty()) {
            return Optional.of(new RollupPlan(zone, Rollups.ALL, Rollups.ALL, from, to));
        }
        SegmentValue w = filter.where().getFirst();
        return Optional.of(new RollupPlan(zone, w.dimension().key(), w.value(), from, to));
    }

    /** The local date starting at the instant, or null when the instant is not a local midnight. */
    private static LocalDate day(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        LocalDate date = instant.atZone(zone).toLocalDate();
        return date.atStartOfDay(zone).toInstant().equals(instant) ? date : null;
    }
}
