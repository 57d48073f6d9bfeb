package org.opennps.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily rollup: one row per workspace, zone, segment value, local day, survey, campaign and
 * channel with the three category counts. Writes add or subtract one response's contribution;
 * reads serve filters the rollup can answer exactly (see {@link RollupPlan}).
 */
@Repository
class Rollups {

    static final UUID NONE = new UUID(0, 0);
    static final String ALL = "";

    /** Where one counted response sits in the rollup. */
    record Contribution(
            String zone,
            LocalDate day,
            UUID survey,
            UUID campaign,
            String channel,
            String category,
            List<Segment> segments) {}

    record Segment(String dim, String val) {}

    private static final String UPDATE_ONE = """
            update nps_daily set promoters = promoters + ?, passives = passives + ?, detractors = detractors + ?
            where workspace_id = ? and time_zone = ? and dim = ? and val = ? and local_day = ?
              and survey_id = ? and campaign_id = ? and channel = ?""";

    private static final String INSERT_ONE = """
            insert into nps_daily (promoters, passives, detractors, workspace_id, time_zone, dim, val, local_day,
              survey_id, campaign_id, channel)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

    /** Rows in one order for every writer, so two batches never wait for each other in a circle. */
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::zone)
            .thenComparing(Key::day)
            .thenComparing(Key::survey)
            .thenComparing(Key::campaign)
            .thenComparing(Key::channel)
            .thenComparing(k -> k.segment().dim())
            .thenComparing(k -> k.segment().val());

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    Rollups(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The rows one contribution counts in: its all-answers row and one per segment. */
    static List<Key> keys(Contribution c) {
        List<Key> keys = new ArrayList<>(c.segments().size() + 1);
        keys.add(new Key(c.zone(), c.day(), c.survey(), c.campaign(), c.channel(), new Segment(ALL, ALL)));
        for (Segment s : c.segments()) {
            keys.add(new Key(c.zone(), c.day(), c.survey(), c.campaign(), c.channel(), s));
        }
        return keys;
    }

    /**
     * Adds many rows' counts at once (a batch of imported history, summed by row first): one
     * batch of updates, one of inserts for the rows that were missing, and one more update for
     * those another writer inserted in between.
     */
    void addAll(UUID ws, Map<Key, Tally> deltas) {
        List<Map.Entry<Key, Tally>> rows = deltas.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ORDER))
                .toList();
        List<Map.Entry<Key, Tally>> missing = unchanged(rows, batch(UPDATE_ONE, ws, rows));
        if (missing.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Tally>> raced = unchanged(missing, batch(INSERT_ONE, ws, missing));
        if (!raced.isEmpty()) {
            batch(UPDATE_ONE, ws, raced);
        }
    }

    private int[][] batch(String sql, UUID ws, List<Map.Entry<Key, Tally>> rows) {
        return batches.batchUpdate(sql, rows, 1000, (ps, row) -> {
            Key k = row.getKey();
            Tally t = row.getValue();
            ps.setLong(1, t.promoters());
            ps.setLong(2, t.passives());
            ps.setLong(3, t.detractors());
            ps.setObject(4, ws);
            ps.setString(5, k.zone());
            ps.setString(6, k.segment().dim());
            ps.setString(7, k.segment().val());
            ps.setObject(8, k.day());
            ps.setObject(9, k.survey());
            ps.setObject(10, k.campaign());
            ps.setString(11, k.channel());
        });
    }

    private static <T> List<T> unchanged(List<T> rows, int[][] counts) {
        List<T> left = new ArrayList<>();
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count == 0) {
                    left.add(rows.get(i));
                }
                i++;
            }
        }
        return left;
    }

    /** The contribution stored with a fact row, read before the row changes; empty when it was not counted. */
    Optional<Contribution> stored(UUID responseId) {
        List<Segment> segments = jdbc.sql("select dim, val from nps_fact_segment where response_id = ?")
                .param(responseId)
                .query((rs, i) -> new Segment(rs.getString(1), rs.getString(2)))
                .list();
        return jdbc.sql("""
                        select rollup_zone, rollup_day, survey_id, campaign_id, channel, category from nps_fact
                        where response_id = ? and rollup_zone is not null""")
                .param(responseId)
                .query((rs, i) -> new Contribution(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        segments))
                .optional();
    }

    /** Adds ({@code sign} 1) or removes (−1) a contribution: its all-answers row and one per segment. */
    void apply(UUID ws, Contribution c, int sign) {
        Tally t = Tally.ofCategory(c.category(), 1);
        for (Key k : keys(c)) {
            add(ws, k, sign * t.promoters(), sign * t.passives(), sign * t.detractors());
        }
    }

    /** One rollup row's identity; null survey, campaign and channel are stored as nil and ''. */
    record Key(String zone, LocalDate day, UUID survey, UUID campaign, String channel, Segment segment) {
        Key {
            survey = survey == null ? NONE : survey;
            campaign = campaign == null ? NONE : campaign;
            channel = channel == null ? "" : channel;
        }
    }

    /** Adds the three deltas (negative to subtract) to one row, creating it when missing. */
    void add(UUID ws, Key k, long promoters, long passives, long detractors) {
        Map<String, Object> p = new HashMap<>();
        p.put("ws", ws);
        p.put("zone", k.zone());
        p.put("dim", k.segment().dim());
        p.put("val", k.segment().val());
        p.put("day", k.day());
        p.put("survey", k.survey());
        p.put("campaign", k.campaign());
        p.put("channel", k.channel());
        p.put("p", promoters);
        p.put("n", passives);
        p.put("d", detractors);
        String update = """
                update nps_daily set promoters = promoters + :p, passives = passives + :n, detractors = detractors + :d
                where workspace_id = :ws and time_zone = :zone and dim = :dim and val = :val and local_day = :day
                  and survey_id = :survey and campaign_id = :campaign and channel = :channel""";
        if (jdbc.sql(update).params(p).update() == 1) {
            return;
        }
        int inserted = jdbc.sql("""
                        insert into nps_daily (workspace_id, time_zone, dim, val, local_day, survey_id, campaign_id, channel,
                          promoters, passives, detractors)
                        values (:ws, :zone, :dim, :val, :day, :survey, :campaign, :channel, :p, :n, :d)
                        on conflict do nothing""").params(p).update();
        if (inserted == 0) {
            jdbc.sql(update).params(p).update();
        }
    }

    /** Drops the rows of every zone but {@code zone}; called once no fact counts in them any more. */
    int dropOtherZones(UUID ws, ZoneId zone) {
        return jdbc.sql("delete from nps_daily where workspace_id = ? and time_zone <> ?")
                .params(ws, zone.getId())
                .update();
    }

    /**
     * False when rows of another zone exist (the zone changed): those days no longer line up.
     * Min and max of the key's second column are two index probes, however many rows there are.
     */
    boolean consistent(UUID ws, ZoneId zone) {
        return jdbc.sql("select min(time_zone), max(time_zone) from nps_daily where workspace_id = ?")
                .param(ws)
                .query((rs, i) -> rs.getString(1) == null
                        || (zone.getId().equals(rs.getString(1)) && zone.getId().equals(rs.getString(2))))
                .single();
    }

    Tally tally(UUID ws, RollupPlan plan, NpsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select sum(promoters), sum(passives), sum(detractors) from nps_daily"
                + where(ws, plan, plan.dim(), filter, params) + " and val = :val";
        params.put("val", plan.val());
        return jdbc.sql(sql)
                .params(params)
                .query((rs, i) -> new Tally(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    Map<LocalDate, Tally> byDay(UUID ws, RollupPlan plan, NpsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("val", plan.val());
        String sql = "select local_day, sum(promoters), sum(passives), sum(detractors) from nps_daily"
                + where(ws, plan, plan.dim(), filter, params) + " and val = :val group by local_day";
        Map<LocalDate, Tally> result = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            result.put(rs.getObject(1, LocalDate.class), new Tally(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        return result;
    }

    /** Per value of {@code dim}; key null: answers without it (all answers minus the values). */
    Map<String, Tally> byValue(UUID ws, RollupPlan plan, NpsFilter filter, String dim) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select val, sum(promoters), sum(passives), sum(detractors) from nps_daily"
                + where(ws, plan, dim, filter, params) + " group by val";
        Map<String, Tally> result = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            result.put(rs.getString(1), new Tally(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        Tally rest = tally(ws, plan, filter);
        for (Tally t : new ArrayList<>(result.values())) {
            rest = rest.minus(t);
        }
        if (rest.responses() > 0) {
            result.put(null, rest);
        }
        return result;
    }

    private static String where(UUID ws, RollupPlan plan, String dim, NpsFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where workspace_id = :ws and time_zone = :zone and dim = :dim");
        params.put("ws", ws);
        params.put("zone", plan.zone().getId());
        params.put("dim", dim);
        if (filter.surveyId() != null) {
            sql.append(" and survey_id = :survey");
            params.put("survey", filter.surveyId());
        }
        if (filter.campaignId() != null) {
            sql.append(" and campaign_id = :campaign");
            params.put("campaign", filter.campaignId());
        }
        FactQueries.channel(sql, params, "channel", filter);
        if (plan.from() != null) {
            sql.append(" and local_day >= :from");
            params.put("from", plan.from());
        }
        if (plan.to() != null) {
            sql.append(" and local_day < :to");
            params.put("to", plan.to());
        }
        return sql.toString();
    }
}
