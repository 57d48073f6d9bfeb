package org.opennps.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the analytics fact rows; {@link FactQueries} reads them. */
@Repository
class FactRepository {

    private static final int MAX_VALUE = 200;

    private final JdbcClient jdbc;

    FactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored version's time, locking the row so concurrent updates of one response queue up. */
    Optional<Instant> lockUpdatedAt(UUID responseId) {
        return jdbc.sql("select updated_at from nps_fact where response_id = ? for update")
                .param(responseId)
                .query((rs, i) -> SqlTimes.instant(rs, 1))
                .optional();
    }

    /** Inserts a first state; false when the response is stored already (then lock and update). */
    boolean insert(ResponseFact f) {
        int inserted = jdbc.sql("""
                        insert into nps_fact (survey_id, campaign_id, invitation_id, contact_id, channel, score,
                          category, confirmed, counted, area, comment, answered_at, answered_quarter, updated_at,
                          workspace_id, response_id)
                        values (:survey, :campaign, :invitation, :contact, :channel, :score, :category, :confirmed,
                          :counted, :area, :comment, :answered, :quarter, :updated, :ws, :id)
                        on conflict do nothing""").params(columns(f)).update();
        if (inserted == 1) {
            insertSegments(f);
        }
        return inserted == 1;
    }

    void update(ResponseFact f) {
        jdbc.sql("""
                        update nps_fact set survey_id = :survey, campaign_id = :campaign, invitation_id = :invitation,
                          contact_id = :contact, channel = :channel, score = :score, category = :category,
                          confirmed = :confirmed, counted = :counted, area = :area, comment = :comment,
                          answered_at = :answered, answered_quarter = :quarter, updated_at = :updated
                        where response_id = :id and workspace_id = :ws""").params(columns(f)).update();
        jdbc.sql("delete from nps_fact_segment where response_id = ?")
                .param(f.responseId())
                .update();
        insertSegments(f);
    }

    static long quarterOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 900);
    }

    private void insertSegments(ResponseFact f) {
        insertSegments(f, "attribute:", f.contactAttributes());
        insertSegments(f, "property:", f.eventProperties());
    }

    private void insertSegments(ResponseFact f, String kind, Map<String, Object> values) {
        values.forEach((name, value) -> {
            String dim = kind + name;
            if (dim.length() <= 80 && isScalar(value)) {
                String text = String.valueOf(value);
                jdbc.sql("insert into nps_fact_segment (response_id, workspace_id, dim, val) values (?, ?, ?, ?)")
                        .params(
                                f.responseId(),
                                f.workspaceId(),
                                dim,
                                text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) : text)
                        .update();
            }
        });
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static Map<String, Object> columns(ResponseFact f) {
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
        p.put("ws", f.workspaceId());
        p.put("id", f.responseId());
        return p;
    }
}
