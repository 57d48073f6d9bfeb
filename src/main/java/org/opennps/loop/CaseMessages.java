package org.opennps.loop;

import java.util.List;
import java.util.UUID;
import org.opennps.contact.ContactErased;
import org.opennps.shared.SqlTimes;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseMessages {

    private final JdbcClient jdbc;

    CaseMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID workspaceId, CaseMessage m) {
        jdbc.sql("""
                        insert into case_message (id, workspace_id, case_id, direction, author, subject, body, email_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        m.id(),
                        workspaceId,
                        m.caseId(),
                        m.direction(),
                        m.author(),
                        m.subject(),
                        m.body(),
                        m.emailId(),
                        SqlTimes.param(m.createdAt()))
                .update();
    }

    List<CaseMessage> ofCase(UUID workspaceId, UUID caseId) {
        return jdbc.sql("""
                        select id, case_id, direction, author, subject, body, email_id, created_at from case_message
                        where workspace_id = ? and case_id = ? order by created_at, seq""")
                .params(workspaceId, caseId)
                .query((rs, i) -> new CaseMessage(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, UUID.class),
                        SqlTimes.instant(rs, 8)))
                .list();
    }

    /** Every message on the cases of a contact, newest first: for the contact's timeline. */
    List<CaseMessage> ofContact(UUID workspaceId, UUID contactId) {
        return jdbc.sql("""
                        select m.id, m.case_id, m.direction, m.author, m.subject, m.body, m.email_id, m.created_at
                        from case_message m join feedback_case c on c.id = m.case_id
                        where c.workspace_id = ? and c.contact_id = ? order by m.created_at desc, m.seq desc""")
                .params(workspaceId, contactId)
                .query((rs, i) -> new CaseMessage(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, UUID.class),
                        SqlTimes.instant(rs, 8)))
                .list();
    }

    /** The conversation with an erased person goes with them, in the erasing transaction. */
    @EventListener
    void on(ContactErased event) {
        jdbc.sql("""
                        delete from case_message where case_id in
                          (select id from feedback_case where workspace_id = ? and contact_id = ?)""").params(event.workspaceId(), event.contactId()).update();
    }
}
