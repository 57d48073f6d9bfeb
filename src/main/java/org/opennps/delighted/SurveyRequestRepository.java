package org.opennps.delighted;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SurveyRequestRepository {

    static final String PENDING = "pending";
    static final String QUEUED = "queued";
    static final String CANCELLED = "cancelled";

    /** One survey request: the invitation it made and when it is due. */
    record Request(UUID id, UUID workspaceId, UUID contactId, UUID invitationId, Instant dueAt) {}

    private final JdbcClient jdbc;

    SurveyRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Request r, Instant now) {
        jdbc.sql("insert into delighted_survey_request (id, workspace_id, contact_id, invitation_id, status, due_at,"
                        + " created_at) values (?, ?, ?, ?, 'pending', ?, ?)")
                .params(
                        r.id(),
                        r.workspaceId(),
                        r.contactId(),
                        r.invitationId(),
                        SqlTimes.param(r.dueAt()),
                        SqlTimes.param(now))
                .update();
    }

    List<Request> pending(UUID workspaceId, UUID contactId) {
        return jdbc.sql("select id, workspace_id, contact_id, invitation_id, due_at from delighted_survey_request"
                        + " where workspace_id = ? and contact_id = ? and status = 'pending' order by due_at")
                .params(workspaceId, contactId)
                .query((rs, i) -> new Request(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        SqlTimes.instant(rs, 5)))
                .list();
    }

    Optional<Request> find(UUID id) {
        return jdbc.sql("select id, workspace_id, contact_id, invitation_id, due_at from delighted_survey_request"
                        + " where id = ?")
                .param(id)
                .query((rs, i) -> new Request(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        SqlTimes.instant(rs, 5)))
                .optional();
    }

    Optional<Instant> nextDue(UUID workspaceId, UUID contactId) {
        return pending(workspaceId, contactId).stream().map(Request::dueAt).findFirst();
    }

    /** Moves a pending request on; false when another node or call moved it first. */
    boolean leavePending(UUID id, String status) {
        return jdbc.sql("update delighted_survey_request set status = ? where id = ? and status = 'pending'")
                        .params(status, id)
                        .update()
                > 0;
    }

    void erase(UUID workspaceId, UUID contactId) {
        jdbc.sql("delete from delighted_survey_request where workspace_id = ? and contact_id = ?")
                .params(workspaceId, contactId)
                .update();
    }
}
