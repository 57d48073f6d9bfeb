package org.opennps.response;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.opennps.invitation.Channel;
import org.opennps.shared.Coded;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.opennps.survey.ScoreCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ResponseRepository {

    private static final String COLUMNS = "id, workspace_id, survey_id, campaign_id, invitation_id, contact_id,"
            + " channel, score, category, confirmed, answers, contact_attributes, event_properties, locale,"
            + " started_at, completed_at, updated_at";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;

    ResponseRepository(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /** Inserts new responses (no invitation) in one batch; {@code hasComment} runs alongside. */
    void insertAll(List<Response> rs, List<Boolean> hasComment) {
        List<Integer> index =
                java.util.stream.IntStream.range(0, rs.size()).boxed().toList();
        batches.batchUpdate(
                "insert into response (" + COLUMNS
                        + ", has_comment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                index,
                1000,
                (ps, i) -> {
                    Response r = rs.get(i);
                    ps.setObject(1, r.id());
                    ps.setObject(2, r.workspaceId());
                    ps.setObject(3, r.surveyId());
                    ps.setObject(4, r.campaignId());
                    ps.setObject(5, r.invitationId());
                    ps.setObject(6, r.contactId());
                    ps.setString(7, Coded.codeOf(r.channel()));
                    ps.setObject(8, r.score());
                    ps.setString(9, Coded.codeOf(r.category()));
                    ps.setBoolean(10, r.confirmed());
                    ps.setString(11, json.writeValueAsString(r.answers()));
                    ps.setString(12, json.writeValueAsString(r.contactAttributes()));
                    ps.setString(13, json.writeValueAsString(r.eventProperties()));
                    ps.setString(14, r.locale());
                    ps.setObject(15, SqlTimes.param(r.startedAt()));
                    ps.setObject(16, SqlTimes.param(r.completedAt()));
                    ps.setObject(17, SqlTimes.param(r.updatedAt()));
                    ps.setBoolean(18, hasComment.get(i));
                });
    }

    /** Inserts the response unless its invitation has one already; returns whether it did. */
    boolean insertIfAbsent(Response r, boolean hasComment) {
        return jdbc.sql("insert into response (" + COLUMNS
                                + ", has_comment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict do nothing")
                        .params(
                                r.id(),
                                r.workspaceId(),
                                r.surveyId(),
                                r.campaignId(),
                                r.invitationId(),
                                r.contactId(),
                                Coded.codeOf(r.channel()),
                                r.score(),
                                Coded.codeOf(r.category()),
                                r.confirmed(),
                                json.writeValueAsString(r.answers()),
                                json.writeValueAsString(r.contactAttributes()),
                                json.writeValueAsString(r.eventProperties()),
                                r.locale(),
                                SqlTimes.param(r.startedAt()),
                                SqlTimes.param(r.completedAt()),
                                SqlTimes.param(r.updatedAt()),
                                hasComment)
                        .update()
                > 0;
    }

    void update(Response r, boolean hasComment) {
        jdbc.sql("update response set contact_id = ?, score = ?, category = ?, confirmed = ?, answers = ?,"
                        + " contact_attributes = ?, event_properties = ?, completed_at = ?, updated_at = ?,"
                        + " has_comment = ?"
                        + " where workspace_id = ? and id = ?")
                .params(
                        r.contactId(),
                        r.score(),
                        Coded.codeOf(r.category()),
                        r.confirmed(),
                        json.writeValueAsString(r.answers()),
                        json.writeValueAsString(r.contactAttributes()),
                        json.writeValueAsString(r.eventProperties()),
                        SqlTimes.param(r.completedAt()),
                        SqlTimes.param(r.updatedAt()),
                        hasComment,
                        r.workspaceId(),
                        r.id())
                .update();
    }

    Optional<Response> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from response where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query(this::map)
                .optional();
    }

    Optional<Response> findByInvitation(UUID workspaceId, UUID invitationId) {
        return jdbc.sql("select " + COLUMNS + " from response where workspace_id = ? and invitation_id = ?")
                .params(workspaceId, invitationId)
                .query(this::map)
                .optional();
    }

    List<Response> findByContact(UUID workspaceId, UUID contactId) {
        return jdbc.sql("select " + COLUMNS
                        + " from response where workspace_id = ? and contact_id = ? order by started_at desc")
                .params(workspaceId, contactId)
                .query(this::map)
                .list();
    }

    /** Responses of a survey, or of a campaign (the other id null). */
    long countOf(UUID workspaceId, UUID surveyId, UUID campaignId) {
        return jdbc.sql("select count(*) from response where workspace_id = ? and " + ofWhat(surveyId))
                .params(workspaceId, surveyId != null ? surveyId : campaignId)
                .query(Long.class)
                .single();
    }

    /** Ids of the responses of a survey or campaign, at most {@code limit}. */
    List<UUID> idsOf(UUID workspaceId, UUID surveyId, UUID campaignId, int limit) {
        return jdbc.sql("select id from response where workspace_id = ? and " + ofWhat(surveyId) + " limit ?")
                .params(workspaceId, surveyId != null ? surveyId : campaignId, limit)
                .query(UUID.class)
                .list();
    }

    int delete(UUID workspaceId, List<UUID> ids) {
        return jdbc.sql("delete from response where workspace_id = :ws and id in (:ids)")
                .param("ws", workspaceId)
                .param("ids", ids)
                .update();
    }

    private static String ofWhat(UUID surveyId) {
        return surveyId != null ? "survey_id = ?" : "campaign_id = ?";
    }

    Map<UUID, Long> countsBySurvey(UUID workspaceId) {
        Map<UUID, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select survey_id, count(*) from response where workspace_id = ? group by survey_id")
                .param(workspaceId)
                .query(rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return counts;
    }

    Optional<Instant> lastRespondedAt(UUID workspaceId, UUID contactId) {
        return jdbc.sql("select max(started_at) from response where workspace_id = ? and contact_id = ?"
                        + " and (confirmed = true or completed_at is not null)")
                .params(workspaceId, contactId)
                .query((rs, i) -> Optional.ofNullable(SqlTimes.instant(rs, 1)))
                .single();
    }

    /** The latest counted response of each of the contacts that has one, in one statement. */
    java.util.Map<UUID, Instant> lastRespondedAt(UUID workspaceId, java.util.Collection<UUID> contactIds) {
        java.util.Map<UUID, Instant> latest = new java.util.HashMap<>();
        if (contactIds.isEmpty()) {
            return latest;
        }
        // joined against the list, so each contact is looked up by both columns of response_contact
        // (for "contact_id = any(?)" H2 uses only the first: every response of the workspace)
        jdbc.sql("select r.contact_id, max(r.started_at) as at from unnest(cast(? as uuid array)) as c(id)"
                        + " join response r on r.workspace_id = ? and r.contact_id = c.id"
                        + " and (r.confirmed = true or r.completed_at is not null) group by r.contact_id")
                .params(contactIds.toArray(UUID[]::new), workspaceId)
                .query(rs -> {
                    Instant at = SqlTimes.instant(rs, "at");
                    if (at != null) {
                        latest.put(rs.getObject("contact_id", UUID.class), at);
                    }
                });
        return latest;
    }

    PageResult<Response> list(UUID workspaceId, ResponseFilter filter, PageResult.Request page) {
        long total = filter.bind(jdbc.sql("select count(*)" + filter.where()), workspaceId)
                .query(Long.class)
                .single();
        List<Response> items = filter.bind(
                        jdbc.sql("select " + COLUMNS + filter.where()
                                + " order by started_at desc, id limit :limit offset :offset"),
                        workspaceId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    PageResult<Response> listScored(UUID workspaceId, ScoredResponses q, PageResult.Request page) {
        String where = " from response where workspace_id = :ws and confirmed = true and score is not null"
                + (q.surveyId() == null ? "" : " and survey_id = :survey")
                + (q.contactId() == null ? "" : " and contact_id = :contact")
                + (q.since() == null ? "" : " and started_at >= :since")
                + (q.until() == null ? "" : " and started_at < :until")
                + (q.updatedSince() == null ? "" : " and updated_at >= :updatedSince")
                + (q.updatedUntil() == null ? "" : " and updated_at <= :updatedUntil");
        String column = q.byUpdate() ? "updated_at" : "started_at";
        String order = q.oldestFirst() ? " order by " + column + ", id" : " order by " + column + " desc, id desc";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("ws", workspaceId);
        if (q.surveyId() != null) {
            params.put("survey", q.surveyId());
        }
        if (q.contactId() != null) {
            params.put("contact", q.contactId());
        }
        if (q.since() != null) {
            params.put("since", SqlTimes.param(q.since()));
        }
        if (q.until() != null) {
            params.put("until", SqlTimes.param(q.until()));
        }
        if (q.updatedSince() != null) {
            params.put("updatedSince", SqlTimes.param(q.updatedSince()));
        }
        if (q.updatedUntil() != null) {
            params.put("updatedUntil", SqlTimes.param(q.updatedUntil()));
        }
        long total = jdbc.sql("select count(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Response> items = jdbc.sql("select " + COLUMNS + where + order + " limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Streams every matching response in time order, one at a time, for the export. */
    void forEach(UUID workspaceId, ResponseFilter filter, Consumer<Response> consumer) {
        try (var rows = filter
                .bind(jdbc.sql("select " + COLUMNS + filter.where() + " order by started_at, id"), workspaceId)
                .withFetchSize(500)
                .query(this::map)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    private Response map(ResultSet rs, int row) throws SQLException {
        Object score = rs.getObject("score");
        return new Response(
                rs.getObject("id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getObject("survey_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("invitation_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                Coded.fromNullable(Channel.class, rs.getString("channel")),
                score == null ? null : ((Number) score).intValue(),
                Coded.fromNullable(ScoreCategory.class, rs.getString("category")),
                rs.getBoolean("confirmed"),
                answers(rs.getString("answers")),
                json.readValue(rs.getString("contact_attributes"), MAP),
                json.readValue(rs.getString("event_properties"), MAP),
                rs.getString("locale"),
                SqlTimes.instant(rs, "started_at"),
                SqlTimes.instant(rs, "completed_at"),
                SqlTimes.instant(rs, "updated_at"));
    }

    /** Answers with ratings as Integer, whatever number type the JSON reader chose. */
    private Map<String, Object> answers(String text) {
        Map<String, Object> answers = json.readValue(text, MAP);
        answers.replaceAll((k, v) -> v instanceof Number n ? Integer.valueOf(n.intValue()) : v);
        return answers;
    }
}
