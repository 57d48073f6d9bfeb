package org.opennps.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.BatchedWrites;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final OutboxRows rows;
    private final JsonMapper json;
    private final Withdrawals withdrawals;

    private static final String INSERT = """
            insert into outgoing_email (id, workspace_id, reference, kind, from_address, from_name,
              to_address, subject, text_body, html_body, headers, status, attempts, next_attempt_at,
              created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) on conflict do nothing""";

    private final BatchedWrites writes;

    EmailOutbox(
            JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Withdrawals withdrawals, BatchedWrites writes) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.rows = new OutboxRows(jdbc, template, "outgoing_email", true);
        this.json = json;
        this.withdrawals = withdrawals;
    }

    /**
     * Inserts the e-mail unless its reference is queued already; returns whether it was new. In a
     * batch of journeys ({@link BatchedWrites#collecting}) the row goes with the batch's other
     * writes and the answer is always yes: a batch queues e-mails for references it just made.
     */
    boolean insert(UUID id, EmailRequest e, String fromAddress, String fromName, Instant now) {
        Object[] args = {
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
            headersJson(e.headers()),
            SqlTimes.param(now),
            SqlTimes.param(now)
        };
        if (writes.collecting()) {
            writes.update(INSERT, args);
            return true;
        }
        return jdbc.sql(INSERT).params(args).update() > 0;
    }

    /**
     * The headers as a JSON object of strings. Written by hand: for the two or three short headers
     * of a survey e-mail, setting up a JSON generator cost more than the rest of queueing it.
     */
    static String headersJson(Map<String, String> headers) {
        StringBuilder out = new StringBuilder(64 + 64 * headers.size()).append('{');
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            jsonString(out, header.getKey()).append(':');
            if (header.getValue() == null) {
                out.append("null");
            } else {
                jsonString(out, header.getValue());
            }
        }
        return out.append('}').toString();
    }

    private static StringBuilder jsonString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** Due look-up, claims and outcomes of this outbox's rows. */
    OutboxRows rows() {
        return rows;
    }

    /**
     * Takes the row for this node until {@code until}, if it is still due: the conditional
     * update lets exactly one of several racing nodes win.
     */
    Optional<QueuedEmail> claim(UUID id, Instant now, Instant until) {
        if (!rows.claim(id, now, until)) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from outgoing_email where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /**
     * Claims up to {@code limit} due e-mails (see {@link OutboxRows#claimDue}) and reads them;
     * those whose purpose is gone ({@link OutboxWithdrawals}) are cancelled instead of returned.
     * Call in a transaction.
     */
    List<QueuedEmail> claimBatch(Instant now, Instant until, int limit) {
        List<UUID> ids = rows.claimDue(now, until, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, QueuedEmail> byId = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from outgoing_email where id in (:ids)")
                .param("ids", ids)
                .query(this::map)
                .list()
                .forEach(e -> byId.put(e.id(), e));
        List<QueuedEmail> claimed =
                ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return withdrawals.keepWanted(claimed, QueuedEmail::reference, QueuedEmail::id, rows);
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
