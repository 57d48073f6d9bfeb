package org.opennps.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Moves counted facts from the rollup rows of an old zone into those of the workspace's zone,
 * a batch at a time. Each batch locks its fact rows (as the projection does before it changes
 * one), takes every fact's contribution out of its old rows and adds it to the new ones, so the
 * rollup always sums to exactly what the facts say.
 */
@Repository
class RollupMoves {

    /** Where a rebuild stands: the last fact moved, in (answered_at, response_id) order. */
    record Cursor(Instant answeredAt, UUID responseId) {
        static final Cursor START = new Cursor(Instant.EPOCH.minusSeconds(1), new UUID(0, 0));
    }

    record Batch(int moved, Cursor last) {}

    private record Fact(
            UUID responseId,
            Instant answeredAt,
            String oldZone,
            LocalDate oldDay,
            UUID survey,
            UUID campaign,
            String channel,
            String category) {}

    private final JdbcClient jdbc;
    private final Rollups rollups;

    RollupMoves(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /** Counted facts still in another zone's rows. */
    long remaining(UUID ws, ZoneId zone) {
        return jdbc.sql("select count(*) from nps_fact where workspace_id = ? and rollup_zone <> ?")
                .params(ws, zone.getId())
                .query(Long.class)
                .single();
    }

    /** Moves up to {@code size} facts after {@code after}; call inside a transaction. */
    Batch move(UUID ws, ZoneId zone, Cursor after, int size) {
        List<Fact> facts = jdbc.sql("""
                        select response_id, answered_at, rollup_zone, rollup_day, survey_id, campaign_id, channel, category
                        from nps_fact
                        where workspace_id = :ws and rollup_zone <> :zone
                          and (answered_at > :at or (answered_at = :at and response_id > :id))
                        order by answered_at, response_id
                        limit :size
                        for update""")
                .param("ws", ws)
                .param("zone", zone.getId())
                .param("at", SqlTimes.param(after.answeredAt()))
                .param("id", after.responseId())
                .param("size", size)
                .query((rs, i) -> new Fact(
                        rs.getObject(1, UUID.class),
                        SqlTimes.instant(rs, 2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
        if (facts.isEmpty()) {
            return new Batch(0, after);
        }
        Map<UUID, List<Rollups.Segment>> segments = segments(facts);
        // one statement per changed rollup row, not per fact; sorted so concurrent writers lock in one order
        Map<String, Delta> deltas = new TreeMap<>();
        Map<LocalDate, List<UUID>> newDays = new HashMap<>();
        for (Fact f : facts) {
            LocalDate day = f.answeredAt().atZone(zone).toLocalDate();
            newDays.computeIfAbsent(day, d -> new ArrayList<>()).add(f.responseId());
            Tally t = Tally.ofCategory(f.category(), 1);
            List<Rollups.Segment> all = new ArrayList<>(segments.getOrDefault(f.responseId(), List.of()));
            all.add(new Rollups.Segment(Rollups.ALL, Rollups.ALL));
            for (Rollups.Segment s : all) {
                delta(
                        deltas,
                        new Rollups.Key(f.oldZone(), f.oldDay(), f.survey(), f.campaign(), f.channel(), s),
                        t,
                        -1);
                delta(deltas, new Rollups.Key(zone.getId(), day, f.survey(), f.campaign(), f.channel(), s), t, 1);
            }
        }
        deltas.values().stream()
                .filter(d -> d.promoters != 0 || d.passives != 0 || d.detractors != 0)
                .forEach(d -> rollups.add(ws, d.key, d.promoters, d.passives, d.detractors));
        newDays.forEach((day, ids) -> jdbc.sql(
                        "update nps_fact set rollup_zone = :zone, rollup_day = :day where response_id in (:ids)")
                .param("zone", zone.getId())
                .param("day", day)
                .param("ids", ids)
                .update());
        Fact last = facts.getLast();
        return new Batch(facts.size(), new Cursor(last.answeredAt(), last.responseId()));
    }

    private Map<UUID, List<Rollups.Segment>> segments(List<Fact> facts) {
        Map<UUID, List<Rollups.Segment>> result = new HashMap<>();
        jdbc.sql("select response_id, dim, val from nps_fact_segment where response_id in (:ids)")
                .param("ids", facts.stream().map(Fact::responseId).toList())
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new Rollups.Segment(rs.getString(2), rs.getString(3)));
                });
        return result;
    }

    private static void delta(Map<String, Delta> deltas, Rollups.Key key, Tally t, int sign) {
        Delta d = deltas.computeIfAbsent(key.toString(), k -> new Delta(key));
        d.promoters += sign * t.promoters();
        d.passives += sign * t.passives();
        d.detractors += sign * t.detractors();
    }

    private static final class Delta {
        final Rollups.Key key;
        long promoters;
        long passives;
        long detractors;

        Delta(Rollups.Key key) {
            this.key = key;
        }
    }
}
