package org.opennps.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The transport used without an SMTP host: e-mails are kept in a table for the UI and API. */
class DevMailbox implements MailTransport {

    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DevMailbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void send(QueuedEmail email, Runnable accepted) {
        jdbc.sql("""
                        insert into dev_mailbox (email_id, workspace_id, from_address, to_address, subject, text_body,
                          html_body, headers, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        email.id(),
                        email.workspaceId(),
                        email.fromAddress(),
                        email.to(),
                        email.subject(),
                        email.text(),
                        email.html(),
                        json.writeValueAsString(email.headers()),
                        SqlTimes.param(clock.instant()))
                .update();
        accepted.run();
    }

    PageResult<MailboxEntry> list(UUID workspaceId, String to, PageResult.Request page) {
        String filter = to == null ? "" : " and to_address = :to";
        var count = jdbc.sql("select count(*) from dev_mailbox where workspace_id = :ws" + filter)
                .param("ws", workspaceId);
        var select = jdbc.sql("select * from dev_mailbox where workspace_id = :ws" + filter
                        + " order by sent_at desc, email_id limit :limit offset :offset")
                .param("ws", workspaceId)
                .param("limit", page.size())
                .param("offset", page.offset());
        if (to != null) {
            count = count.param("to", to);
            select = select.param("to", to);
        }
        long total = count.query(Long.class).single();
        return new PageResult<>(select.query(this::map).list(), page.page(), page.size(), total);
    }

    private MailboxEntry map(ResultSet rs, int row) throws SQLException {
        return new MailboxEntry(
                rs.getObject("email_id", UUID.class),
                rs.getString("from_address"),
                rs.getString("to_address"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                json.readValue(rs.getString("headers"), HEADERS),
                SqlTimes.instant(rs, "sent_at"));
    }
}
