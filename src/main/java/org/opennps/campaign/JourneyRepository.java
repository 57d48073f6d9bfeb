package org.opennps.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JourneyRepository {

    private final JdbcClient jdbc;

    JourneyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a journey unless this contact already has one for this campaign and event. */
    boolean insertIfAbsent(Journey j) {
        return jdbc.sql("""
                        insert into journey (id, workspace_id, campaign_id, campaign_version, contact_id,
                          trigger_event_id, trigger_properties, status, step_index, due_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(
                                j.id(),
                                j.workspaceId(),
                                j.campaignId(),
                                j.campaignVersion(),
                                j.contactId(),
                                j.triggerEventId(),
                                j.triggerProperties(),
                                j.status(),
                                j.stepIndex(),
                                SqlTimes.param(j.dueAt()),
                                SqlTimes.param(j.createdAt()),
                                SqlTimes.param(j.updatedAt()))
                        .update()
                > 0;
    }

    /** The journey, locked until the transaction ends, so one step runs at a time. */
    Optional<Journey> lock(UUID id) {
        return jdbc.sql("select * from journey where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    void waitFor(UUID id, int stepIndex, Instant dueAt, Instant now) {
        jdbc.sql("update journey set step_index = ?, due_at = ?, updated_at = ? where id = ?")
                .params(stepIndex, SqlTimes.param(dueAt), SqlTimes.param(now), id)
                .update();
    }

    void finish(UUID id, int stepIndex, String status, String outcome, Instant invitedAt, Instant now) {
        jdbc.sql("""
                        update journey set status = ?, step_index = ?, outcome = ?, invited_at = ?, due_at = null,
                          updated_at = ? where id = ?""")
                .params(status, stepIndex, abbreviate(outcome), SqlTimes.param(invitedAt), SqlTimes.param(now), id)
                .update();
    }

    /** Ends a journey that is still waiting; false when it had finished meanwhile. */
    boolean exit(UUID id, String outcome, Instant now) {
        return jdbc.sql("""
                        update journey set status = 'exited', outcome = ?, due_at = null, updated_at = ?
                        where id = ? and status = 'waiting'""")
                        .params(abbreviate(outcome), SqlTimes.param(now), id)
                        .update()
                > 0;
    }

    List<Journey> waitingOf(UUID workspaceId, UUID contactId) {
        return jdbc.sql("select * from journey where contact_id = ? and status = 'waiting' and workspace_id = ?")
                .params(contactId, workspaceId)
                .query(this::map)
                .list();
    }

    PageResult<Journey> list(UUID workspaceId, UUID campaignId, String status, PageResult.Request page) {
        String filter = " where workspace_id = :ws and campaign_id = :c" + (status == null ? "" : " and status = :s");
        var count = jdbc.sql("select count(*) from journey" + filter)
                .param("ws", workspaceId)
                .param("c", campaignId);
        var select = jdbc.sql("select * from journey" + filter
                        + " order by due_at, created_at, id limit :limit offset :offset")
                .param("ws", workspaceId)
                .param("c", campaignId)
                .param("limit", page.size())
                .param("offset", page.offset());
        if (status != null) {
            count = count.param("s", status);
            select = select.param("s", status);
        }
        return new PageResult<>(
                select.query(this::map).list(),
                page.page(),
                page.size(),
                count.query(Long.class).single());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private Journey map(ResultSet rs, int row) throws SQLException {
        return new Journey(
                rs.getObject("id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getInt("campaign_version"),
                rs.getObject("contact_id", UUID.class),
                rs.getString("trigger_event_id"),
                rs.getString("trigger_properties"),
                rs.getString("status"),
                rs.getInt("step_index"),
                SqlTimes.instant(rs, "due_at"),
                rs.getString("outcome"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"));
    }
}
