package org.opennps.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregations over the counted facts of one workspace, filtered by an {@link NpsFilter}. */
@Repository
class FactQueries {

    private final JdbcClient jdbc;

    FactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Comment(String category, String area, String text, Instant answeredAt) {}

    record ContactAnswer(UUID contactId, String category, Instant answeredAt) {}

    Tally tally(UUID ws, NpsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String sql =
                "select f.category, count(*) n from nps_fact f" + where(ws, filter, params) + " group by f.category";
        Tally[] total = {Tally.EMPTY};
        jdbc.sql(sql).params(params).query(rs -> {
            total[0] = total[0].plus(Tally.ofCategory(rs.getString(1), rs.getLong(2)));
        });
        return total[0];
    }

    /**
     * Scores given but not confirmed (a one-click link never shown in a browser: a scanner, or a
     * person whose page never rendered), with the same filter: NPS leaves them out.
     */
    Tally unconfirmed(UUID ws, NpsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select f.category, count(*) n from nps_fact f"
                + where(ws, filter, params)
                        .replace("f.counted = true", "f.confirmed = false and f.category is not null")
                + " group by f.category";
        Tally[] total = {Tally.EMPTY};
        jdbc.sql(sql).params(params).query(rs -> {
            total[0] = total[0].plus(Tally.ofCategory(rs.getString(1), rs.getLong(2)));
        });
        return total[0];
    }

    /** Tallies per quarter hour since the epoch, for bucketing in any zone. */
    Map<Long, Tally> byQuarter(UUID ws, NpsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select f.answered_quarter, f.category, count(*) n from nps_fact f" + where(ws, filter, params)
                + " group by f.answered_quarter, f.category";
        Map<Long, Tally> result = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            result.merge(rs.getLong(1), Tally.ofCategory(rs.getString(2), rs.getLong(3)), Tally::plus);
        });
        return result;
    }

    /** Tallies per value of the dimension; key null holds responses whose snapshot lacks it. */
    Map<String, Tally> byDimension(UUID ws, NpsFilter filter, Dimension dimension) {
        Map<String, Object> params = new HashMap<>();
        params.put("gdim", dimension.key());
        String sql = "select s.val, f.category, count(*) n from nps_fact f"
                + " left join nps_fact_segment s on s.response_id = f.response_id and s.dim = :gdim"
                + where(ws, filter, params) + " group by s.val, f.category";
        Map<String, Tally> result = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            result.merge(rs.getString(1), Tally.ofCategory(rs.getString(2), rs.getLong(3)), Tally::plus);
        });
        return result;
    }

    /** Counts per category and area (area null: not answered). */
    Map<String, Map<String, Long>> areas(UUID ws, NpsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select f.category, f.area, count(*) n from nps_fact f" + where(ws, filter, params)
                + " group by f.category, f.area";
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            result.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        return result;
    }

    /** The newest comments first, at most {@code limit}. */
    List<Comment> comments(UUID ws, NpsFilter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        String sql = "select f.category, f.area, f.comment, f.answered_at from nps_fact f" + where(ws, filter, params)
                + " and f.comment is not null order by f.answered_at desc, f.response_id limit :limit";
        return jdbc.sql(sql)
                .params(params)
                .query((rs, i) ->
                        new Comment(rs.getString(1), rs.getString(2), rs.getString(3), SqlTimes.instant(rs, 4)))
                .list();
    }

    /** Every known contact's counted answers, per contact oldest first. */
    List<ContactAnswer> contactAnswers(UUID ws, NpsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select f.contact_id, f.category, f.answered_at from nps_fact f" + where(ws, filter, params)
                + " and f.contact_id is not null order by f.contact_id, f.answered_at, f.response_id";
        return jdbc.sql(sql)
                .params(params)
                .query((rs, i) ->
                        new ContactAnswer(rs.getObject(1, UUID.class), rs.getString(2), SqlTimes.instant(rs, 3)))
                .list();
    }

    /**
     * Completed responses with a comment per campaign (one campaign, or all when null),
     * completed in {@code [since, until)}; null bounds are open.
     */
    Map<UUID, Long> commentedByCampaign(UUID ws, UUID campaignId, Instant since, Instant until) {
        Map<String, Object> params = new HashMap<>();
        params.put("ws", ws);
        StringBuilder sql = new StringBuilder("select f.campaign_id, count(*) from nps_fact f"
                + " where f.workspace_id = :ws and f.campaign_id is not null and f.invitation_id is not null"
                + " and f.comment is not null and f.completed_at is not null");
        optional(sql, params, "f.campaign_id", "campaign", campaignId);
        period(sql, params, "f.completed_at", since, until);
        sql.append(" group by f.campaign_id");
        Map<UUID, Long> result = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            result.put(rs.getObject(1, UUID.class), rs.getLong(2));
        });
        return result;
    }

    /**
     * Contact and comment of the counted, completed answers matching the restrictions (empty
     * sets restrict nothing); with {@code withComment} only answers that have a comment.
     */
    List<Map.Entry<UUID, String>> respondentAnswers(
            UUID ws,
            UUID surveyId,
            Set<String> categories,
            Set<String> areas,
            boolean withComment,
            Instant since,
            Instant until) {
        Map<String, Object> params = new HashMap<>();
        params.put("ws", ws);
        StringBuilder sql = new StringBuilder(
                (withComment ? "select f.contact_id, f.comment" : "select distinct f.contact_id, cast(null as varchar)")
                        + " from nps_fact f"
                        + " where f.workspace_id = :ws and f.counted = true and f.contact_id is not null"
                        + " and f.completed_at is not null");
        optional(sql, params, "f.survey_id", "survey", surveyId);
        if (!categories.isEmpty()) {
            sql.append(" and f.category in (:categories)");
            params.put("categories", List.copyOf(categories));
        }
        if (!areas.isEmpty()) {
            sql.append(" and f.area in (:areas)");
            params.put("areas", List.copyOf(areas));
        }
        if (withComment) {
            sql.append(" and f.comment is not null");
        }
        period(sql, params, "f.completed_at", since, until);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) ->
                        Map.entry(rs.getObject(1, UUID.class), rs.getString(2) == null ? "" : rs.getString(2)))
                .list();
    }

    /** Counted answers of one category, newest first, at most {@code limit}. */
    List<ScoredAnswer> answers(UUID ws, NpsFilter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        String sql = "select f.response_id, f.contact_id, f.score, f.category, f.area, f.comment, f.answered_at"
                + " from nps_fact f" + where(ws, filter, params)
                + " order by f.answered_at desc, f.response_id limit :limit";
        return jdbc.sql(sql)
                .params(params)
                .query((rs, i) -> new ScoredAnswer(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        SqlTimes.instant(rs, 7)))
                .list();
    }

    Instant firstAnswer(UUID ws, NpsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String sql =
                "select f.answered_at from nps_fact f" + where(ws, filter, params) + " order by f.answered_at limit 1";
        return jdbc.sql(sql)
                .params(params)
                .query((rs, i) -> SqlTimes.instant(rs, 1))
                .optional()
                .orElse(null);
    }

    static String where(UUID ws, NpsFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where f.workspace_id = :ws and f.counted = true");
        params.put("ws", ws);
        optional(sql, params, "f.survey_id", "survey", filter.surveyId());
        optional(sql, params, "f.campaign_id", "campaign", filter.campaignId());
        channel(sql, params, "f.channel", filter);
        optional(sql, params, "f.category", "category", filter.category());
        period(sql, params, "f.answered_at", filter.since(), filter.until());
        for (int i = 0; i < filter.where().size(); i++) {
            SegmentValue w = filter.where().get(i);
            sql.append(" and exists (select 1 from nps_fact_segment w where w.response_id = f.response_id")
                    .append(" and w.dim = :wd")
                    .append(i)
                    .append(" and w.val = :wv")
                    .append(i)
                    .append(')');
            params.put("wd" + i, w.dimension().key());
            params.put("wv" + i, w.value());
        }
        return sql.toString();
    }

    private static void period(
            StringBuilder sql, Map<String, Object> params, String column, Instant since, Instant until) {
        if (since != null) {
            sql.append(" and ").append(column).append(" >= :since");
            params.put("since", SqlTimes.param(since));
        }
        if (until != null) {
            sql.append(" and ").append(column).append(" < :until");
            params.put("until", SqlTimes.param(until));
        }
    }

    /** The channel kept, or with {@code !} the one left out (a null channel is never "link"). */
    static void channel(StringBuilder sql, Map<String, Object> params, String column, NpsFilter filter) {
        if (filter.channel() == null) {
            return;
        }
        sql.append(" and ")
                .append(filter.channelLeftOut() ? "coalesce(" + column + ", '') <> :channel" : column + " = :channel");
        params.put("channel", filter.channelName());
    }

    private static void optional(
            StringBuilder sql, Map<String, Object> params, String column, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }
}
