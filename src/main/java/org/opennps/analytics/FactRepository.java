package org.opennps.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the analytics fact rows; {@link FactQueries} reads them. */
@Repository
class FactRepository {

    private static final int MAX_VALUE = 200;

    /** The columns of {@link #columns} in the order of {@link #INSERT_ALL}. */
    private static final List<String> ORDER = List.of(
            "survey",
            "campaign",
            "invitation",
            "contact",
            "channel",
            "score",
            "category",
            "confirmed",
            "counted",
            "area",
            "comment",
            "answered",
            "quarter",
            "updated",
            "completed",
            "rzone",
            "rday",
            "ws",
            "id");

    private static final String INSERT_ALL = """
            insert into nps_fact (survey_id, campaign_id, invitation_id, contact_id, channel, score,
              category, confirmed, counted, area, comment, answered_at, answered_quarter, updated_at,
              completed_at, rollup_zone, rollup_day, workspace_id, response_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    FactRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * {@link #insert} for many first states: one batch for the facts and one for the segments
     * of those that were new. Per fact, whether it was new (false: stored already).
     */
    boolean[] insertAll(List<ResponseFact> facts, ZoneId zone) {
        int[][] counts = batches.batchUpdate(INSERT_ALL, facts, 1000, (ps, f) -> {
            Map<String, Object> c = columns(f, zone);
            for (int i = 0; i < ORDER.size(); i++) {
                ps.setObject(i + 1, c.get(ORDER.get(i)));
            }
        });
        boolean[] inserted = new boolean[facts.size()];
        List<Object[]> segments = new ArrayList<>();
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                inserted[i] = count != 0;
                if (inserted[i]) {
                    ResponseFact f = facts.get(i);
                    for (Rollups.Segment s : segments(f)) {
                        segments.add(new Object[] {f.responseId(), f.workspaceId(), s.dim(), s.val()});
                    }
                }
                i++;
            }
        }
        if (!segments.isEmpty()) {
            batches.batchUpdate(
                    "insert into nps_fact_segment (response_id, workspace_id, dim, val) values (?, ?, ?, ?)", segments);
        }
        return inserted;
    }

    /** The stored version's time, locking the row so concurrent updates of one response queue up. */
    Optional<Instant> lockUpdatedAt(UUID responseId) {
        return jdbc.sql("select updated_at from nps_fact where response_id = ? for update")
                .param(responseId)
                .query((rs, i) -> SqlTimes.instant(rs, 1))
                .optional();
    }

    /** Inserts a first state; false when the response is stored already (then lock and update). */
    boolean insert(ResponseFact f, ZoneId zone) {
        int inserted = jdbc.sql("""
                        insert into nps_fact (survey_id, campaign_id, invitation_id, contact_id, channel, score,
                          category, confirmed, counted, area, comment, answered_at, answered_quarter, updated_at,
                          completed_at, rollup_zone, rollup_day, workspace_id, response_id)
                        values (:survey, :campaign, :invitation, :contact, :channel, :score, :category, :confirmed,
                          :counted, :area, :comment, :answered, :quarter, :updated, :completed, :rzone, :rday, :ws, :id)
                        on conflict do nothing""").params(columns(f, zone)).update();
        if (inserted == 1) {
            insertSegments(f);
        }
        return inserted == 1;
    }

    void update(ResponseFact f, ZoneId zone) {
        jdbc.sql("""
                        update nps_fact set survey_id = :survey, campaign_id = :campaign, invitation_id = :invitation,
                          contact_id = :contact, channel = :channel, score = :score, category = :category,
                          confirmed = :confirmed, counted = :counted, area = :area, comment = :comment,
                          answered_at = :answered, answered_quarter = :quarter, updated_at = :updated, completed_at = :completed,
                          rollup_zone = :rzone, rollup_day = :rday
                        where response_id = :id and workspace_id = :ws""").params(columns(f, zone)).update();
        jdbc.sql("delete from nps_fact_segment where response_id = ?")
                .param(f.responseId())
                .update();
        insertSegments(f);
    }

    /** Deletes facts; their segments, themes and comment analyses go on cascade. */
    int delete(UUID workspaceId, java.util.List<UUID> responseIds) {
        return jdbc.sql("delete from nps_fact where workspace_id = :ws and response_id in (:ids)")
                .param("ws", workspaceId)
                .param("ids", responseIds)
                .update();
    }

    static long quarterOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 900);
    }

    /** Where the fact counts in the daily rollup of {@code zone}; null when it is not counted. */
    static Rollups.Contribution contribution(ResponseFact f, ZoneId zone) {
        if (!f.counted()) {
            return null;
        }
        return new Rollups.Contribution(
                zone.getId(),
                f.answeredAt().atZone(zone).toLocalDate(),
                f.surveyId(),
                f.campaignId(),
                f.channel(),
                f.category(),
                segments(f));
    }

    /** Scalar snapshot values as segment rows: attribute:&lt;name&gt; and property:&lt;name&gt;. */
    static List<Rollups.Segment> segments(ResponseFact f) {
        List<Rollups.Segment> segments = new ArrayList<>();
        addSegments(segments, "attribute:", f.contactAttributes());
        addSegments(segments, "property:", f.eventProperties());
        return segments;
    }

    private static void addSegments(List<Rollups.Segment> out, String kind, Map<String, Object> values) {
        values.forEach((name, value) -> {
            String dim = kind + name;
            if (dim.length() <= 80 && isScalar(value)) {
                String text = String.valueOf(value);
                out.add(new Rollups.Segment(dim, text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) : text));
            }
        });
    }

    private void insertSegments(ResponseFact f) {
        for (Rollups.Segment s : segments(f)) {
            jdbc.sql("insert into nps_fact_segment (response_id, workspace_id, dim, val) values (?, ?, ?, ?)")
                    .params(f.responseId(), f.workspaceId(), s.dim(), s.val())
                    .update();
        }
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static Map<String, Object> columns(ResponseFact f, ZoneId zone) {
        Map<String, Object> p = new HashMap<>();
        p.put("survey", f.surveyId());
        p.put("campaign", f.campaignId());
        p.put("invitation", f.invitationId());
        p.put("contact", f.contactId());
        p.put("channel", f.channel());
        p.put("score", f.score());
        p.put("category", f.category());
        p.put("confirmed", f.confirmed());
        p.put("counted", f.counted());
        p.put("area", Answers.area(f.answers(), f.kinds()));
        p.put("comment", Answers.comment(f.answers(), f.kinds()));
        p.put("answered", SqlTimes.param(f.answeredAt()));
        p.put("quarter", quarterOf(f.answeredAt()));
        p.put("updated", SqlTimes.param(f.updatedAt()));
        p.put("completed", SqlTimes.param(f.completedAt()));
        Rollups.Contribution c = contribution(f, zone);
        p.put("rzone", c == null ? null : c.zone());
        p.put("rday", c == null ? null : c.day());
        p.put("ws", f.workspaceId());
        p.put("id", f.responseId());
        return p;
    }
}
