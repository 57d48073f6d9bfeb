package org.opennps.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class EmailOutbox {

    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, workspace_id, reference, from_address, from_name, to_address, subject, text_body, html_body,"
                    + " headers, attempts";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EmailOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the e-mail unless its reference is queued already; returns whether it was new. */
    boolean insert(UUID id, EmailRequest e, String fromAddress, String fromName, Instant now) {
        return jdbc.sql("""
                        insert into outgoing_email (id, workspace_id, reference, kind, from_address, from_name,
                          to_address, subject, text_body, html_body, headers, status, attempts, next_attempt_at,
                          created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) on conflict do nothing""")
                        .params(
                                id,
                                e.workspaceId(),
                                e.reference(),
                                e.kind(),
                                fromAddress,
                                fromName,
                                e.to(),
                                e.subject(),
                                e.text(),
                                e.html(),
                                json.writeValueAsString(e.headers()),
                                SqlTimes.param(now),
                                SqlTimes.param(now))
                        .update()
                > 0;
    }

    Optional<UUID> idOf(UUID workspaceId, String reference) {
        return jdbc.sql("select id from outgoing_email where workspace_id = ? and reference = ?")
                .params(workspaceId, reference)
                .query(UUID.class)
                .optional();
    }

    /** Rows due now: queued and due, or claimed by a node whose claim ran out (it crashed). */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from outgoing_email
                        where (status = 'queued' and next_attempt_at <= :now)
                           or (status = 'sending' and claimed_until < :now)
                        order by next_attempt_at limit :limit""")
                .param("now", SqlTimes.param(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Takes the row for this node until {@code until}, if it is still due: the conditional
     * update lets exactly one of several racing nodes win.
     */
    Optional<QueuedEmail> claim(UUID id, Instant now, Instant until) {
        int claimed = jdbc.sql("""
                        update outgoing_email set status = 'sending', claimed_until = :until, attempts = attempts + 1
                        where id = :id and ((status = 'queued' and next_attempt_at <= :now)
                                         or (status = 'sending' and claimed_until < :now))""")
                .param("until", SqlTimes.param(until))
                .param("id", id)
                .param("now", SqlTimes.param(now))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from outgoing_email where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Marks a claimed row sent; false when the claim was lost meanwhile. */
    boolean markSent(UUID id, Instant now) {
        return jdbc.sql("""
                        update outgoing_email set status = 'sent', sent_at = ?, claimed_until = null, last_error = null
                        where id = ? and status = 'sending'""").params(SqlTimes.param(now), id).update() > 0;
    }

    void retryLater(UUID id, Instant at, String error) {
        jdbc.sql("""
                        update outgoing_email set status = 'queued', next_attempt_at = ?, claimed_until = null,
                          last_error = ? where id = ? and status = 'sending'""").params(SqlTimes.param(at), abbreviate(error), id).update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("""
                        update outgoing_email set status = 'failed', claimed_until = null, last_error = ?
                        where id = ? and status = 'sending'""").params(abbreviate(error), id).update();
    }

    Optional<String> status(UUID workspaceId, UUID id) {
        return jdbc.sql("select status from outgoing_email where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query(String.class)
                .optional();
    }

    private static String abbreviate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private QueuedEmail map(ResultSet rs, int row) throws SQLException {
        return new QueuedEmail(
                rs.getObject("id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getString("reference"),
                rs.getString("from_address"),
                rs.getString("from_name"),
                rs.getString("to_address"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                json.readValue(rs.getString("headers"), HEADERS),
                rs.getInt("attempts"));
    }
}
