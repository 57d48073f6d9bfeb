package org.opennps.loop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.Coded;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.opennps.survey.ScoreCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CaseRepository {

    private static final String COLUMNS = "id, response_id, contact_id, rule_id, score, category, status, owner, tags,"
            + " due_at, created_at, updated_at, resolved_at";
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {};

    /** Filters of the case listing; null means any. */
    record Filter(CaseStatus status, String owner, String tag) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Opens the case unless the response has one already; returns whether it was opened. */
    boolean insertIfAbsent(UUID workspaceId, FeedbackCase c) {
        return jdbc.sql("insert into feedback_case (" + COLUMNS + ", workspace_id) values"
                                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                c.id(),
                                c.responseId(),
                                c.contactId(),
                                c.ruleId(),
                                c.score(),
                                Coded.codeOf(c.category()),
                                c.status().code(),
                                c.owner(),
                                json.writeValueAsString(c.tags()),
                                SqlTimes.param(c.dueAt()),
                                SqlTimes.param(c.createdAt()),
                                SqlTimes.param(c.updatedAt()),
                                SqlTimes.param(c.resolvedAt()),
                                workspaceId)
                        .update()
                > 0;
    }

    /** Cases not resolved, and those of them past their due time: {open, overdue}. */
    long[] openAndOverdue(UUID workspaceId, Instant now) {
        return jdbc.sql("select count(*), sum(case when due_at < ? then 1 else 0 end) from feedback_case"
                        + " where workspace_id = ? and status <> ?")
                .params(SqlTimes.param(now), workspaceId, CaseStatus.RESOLVED.code())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    void update(UUID workspaceId, FeedbackCase c) {
        jdbc.sql("update feedback_case set status = ?, owner = ?, tags = ?, due_at = ?, updated_at = ?, resolved_at = ?"
                        + " where workspace_id = ? and id = ?")
                .params(
                        c.status().code(),
                        c.owner(),
                        json.writeValueAsString(c.tags()),
                        SqlTimes.param(c.dueAt()),
                        SqlTimes.param(c.updatedAt()),
                        SqlTimes.param(c.resolvedAt()),
                        workspaceId,
                        c.id())
                .update();
    }

    /** Cases of a person who left the workspace stay, without an owner. */
    int unassign(UUID workspaceId, String owner, Instant now) {
        return jdbc.sql("update feedback_case set owner = null, updated_at = ? where workspace_id = ? and owner = ?")
                .params(SqlTimes.param(now), workspaceId, owner)
                .update();
    }

    Optional<FeedbackCase> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from feedback_case where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query(this::map)
                .optional()
                .map(c -> withNotes(c, notes(c.id())));
    }

    /** A contact's cases, newest first, without their notes. */
    List<FeedbackCase> ofContact(UUID workspaceId, UUID contactId, int limit) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from feedback_case where workspace_id = ? and contact_id = ? order by created_at desc limit ?")
                .params(workspaceId, contactId, limit)
                .query(this::map)
                .list();
    }

    Optional<FeedbackCase> findByResponse(UUID workspaceId, UUID responseId) {
        return jdbc.sql("select " + COLUMNS + " from feedback_case where workspace_id = ? and response_id = ?")
                .params(workspaceId, responseId)
                .query(this::map)
                .optional()
                .map(c -> withNotes(c, notes(c.id())));
    }

    PageResult<FeedbackCase> list(UUID workspaceId, Filter filter, PageResult.Request page) {
        StringBuilder where = new StringBuilder(" from feedback_case where workspace_id = :ws");
        if (filter.status() != null) {
            where.append(" and status = :status");
        }
        if (filter.owner() != null) {
            where.append(" and owner = :owner");
        }
        if (filter.tag() != null) {
            where.append(" and tags like :tag");
        }
        var count = bind(jdbc.sql("select count(*)" + where), workspaceId, filter);
        var select = bind(
                jdbc.sql("select " + COLUMNS + where + " order by created_at desc, id limit :limit offset :offset"),
                workspaceId,
                filter);
        List<FeedbackCase> items = select.param("limit", page.size())
                .param("offset", page.offset())
                .query(this::map)
                .list();
        return new PageResult<>(
                items, page.page(), page.size(), count.query(Long.class).single());
    }

    void addNote(UUID caseId, FeedbackCase.CaseNote note) {
        jdbc.sql("insert into case_note (id, case_id, author, body, created_at) values (?, ?, ?, ?, ?)")
                .params(note.id(), caseId, note.author(), note.body(), SqlTimes.param(note.createdAt()))
                .update();
    }

    private List<FeedbackCase.CaseNote> notes(UUID caseId) {
        return jdbc.sql("select id, author, body, created_at from case_note where case_id = ? order by created_at, id")
                .param(caseId)
                .query((rs, i) -> new FeedbackCase.CaseNote(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), SqlTimes.instant(rs, 4)))
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UUID workspaceId, Filter filter) {
        spec = spec.param("ws", workspaceId);
        if (filter.status() != null) {
            spec = spec.param("status", filter.status().code());
        }
        if (filter.owner() != null) {
            spec = spec.param("owner", filter.owner());
        }
        if (filter.tag() != null) {
            spec = spec.param("tag", "%\"" + filter.tag().replace("%", "").replace("_", "") + "\"%");
        }
        return spec;
    }

    private static FeedbackCase withNotes(FeedbackCase c, List<FeedbackCase.CaseNote> notes) {
        return new FeedbackCase(
                c.id(),
                c.responseId(),
                c.contactId(),
                c.ruleId(),
                c.score(),
                c.category(),
                c.status(),
                c.owner(),
                c.tags(),
                c.dueAt(),
                c.createdAt(),
                c.updatedAt(),
                c.resolvedAt(),
                notes);
    }

    private FeedbackCase map(ResultSet rs, int row) throws SQLException {
        return new FeedbackCase(
                rs.getObject("id", UUID.class),
                rs.getObject("response_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getObject("rule_id", UUID.class),
                (Integer) rs.getObject("score"),
                Coded.fromNullable(ScoreCategory.class, rs.getString("category")),
                Coded.from(CaseStatus.class, rs.getString("status")),
                rs.getString("owner"),
                json.readValue(rs.getString("tags"), TAGS),
                SqlTimes.instant(rs, "due_at"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"),
                SqlTimes.instant(rs, "resolved_at"),
                List.of());
    }
}
