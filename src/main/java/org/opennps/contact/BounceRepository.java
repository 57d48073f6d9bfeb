package org.opennps.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BounceRepository {

    private final JdbcClient jdbc;

    BounceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID workspaceId, Bounce b) {
        jdbc.sql("""
                        insert into email_bounce (id, workspace_id, contact_id, email, type, source, reason,
                          occurred_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        b.id(),
                        workspaceId,
                        b.contactId(),
                        b.email(),
                        b.type(),
                        b.source(),
                        b.reason(),
                        SqlTimes.param(b.occurredAt()),
                        SqlTimes.param(b.receivedAt()))
                .update();
    }

    PageResult<Bounce> list(UUID workspaceId, String type, PageResult.Request page) {
        String where = " from email_bounce where workspace_id = :ws" + (type == null ? "" : " and type = :type");
        var count = jdbc.sql("select count(*)" + where).param("ws", workspaceId);
        var select = jdbc.sql("select *" + where + " order by received_at desc, id limit :limit offset :offset")
                .param("ws", workspaceId)
                .param("limit", page.size())
                .param("offset", page.offset());
        if (type != null) {
            count = count.param("type", type);
            select = select.param("type", type);
        }
        List<Bounce> items = select.query(this::map).list();
        return new PageResult<>(
                items, page.page(), page.size(), count.query(Long.class).single());
    }

    /** Forgets an erased person's notifications (they hold the address). */
    void deleteOf(UUID workspaceId, UUID contactId, String email) {
        jdbc.sql("delete from email_bounce where workspace_id = ? and (contact_id = ? or email = ?)")
                .params(workspaceId, contactId, email == null ? "" : email)
                .update();
    }

    private Bounce map(ResultSet rs, int row) throws SQLException {
        return new Bounce(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("type"),
                rs.getString("source"),
                rs.getObject("contact_id", UUID.class),
                rs.getString("reason"),
                SqlTimes.instant(rs, "occurred_at"),
                SqlTimes.instant(rs, "received_at"));
    }
}
