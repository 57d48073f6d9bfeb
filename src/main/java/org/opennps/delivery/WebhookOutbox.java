package org.opennps.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.Coded;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outgoing webhooks; claimed and marked like {@link EmailOutbox} rows. */
@Repository
class WebhookOutbox {

    record Row(
            UUID id,
            UUID workspaceId,
            String reference,
            String url,
            String secret,
            String event,
            String body,
            int attempts) {}

    private final JdbcClient jdbc;
    private final OutboxRows rows;
    private final Withdrawals withdrawals;

    WebhookOutbox(JdbcClient jdbc, JdbcTemplate template, Withdrawals withdrawals) {
        this.jdbc = jdbc;
        this.rows = new OutboxRows(jdbc, template, "outgoing_webhook", false);
        this.withdrawals = withdrawals;
    }

    boolean insert(UUID id, WebhookRequest w, String body, Instant now) {
        return jdbc.sql("""
                        insert into outgoing_webhook (id, workspace_id, reference, url, secret, event, body, status,
                          attempts, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) on conflict do nothing""")
                        .params(
                                id,
                                w.workspaceId(),
                                w.reference(),
                                w.url(),
                                w.secret(),
                                w.event(),
                                body,
                                SqlTimes.param(now),
                                SqlTimes.param(now))
                        .update()
                > 0;
    }

    /** Due look-up, claims and outcomes of this outbox's rows. */
    OutboxRows rows() {
        return rows;
    }

    /**
     * Claims up to {@code limit} due posts (see {@link OutboxRows#claimDue}) and reads them; those
     * whose purpose is gone ({@link OutboxWithdrawals}) are cancelled instead. Call in a transaction.
     */
    List<Row> claimBatch(Instant now, Instant until, int limit) {
        List<UUID> ids = rows.claimDue(now, until, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, Row> byId = new java.util.HashMap<>();
        jdbc.sql("select id, workspace_id, reference, url, secret, event, body, attempts from outgoing_webhook"
                        + " where id in (:ids)")
                .param("ids", ids)
                .query(WebhookOutbox::row)
                .list()
                .forEach(r -> byId.put(r.id(), r));
        List<Row> claimed =
                ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return withdrawals.keepWanted(claimed, Row::reference, Row::id, rows);
    }

    Optional<Row> claim(UUID id, Instant now, Instant until) {
        if (!rows.claim(id, now, until)) {
            return Optional.empty();
        }
        return jdbc.sql("select id, workspace_id, reference, url, secret, event, body, attempts from outgoing_webhook"
                        + " where id = ?")
                .param(id)
                .query(WebhookOutbox::row)
                .optional();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getString("reference"),
                rs.getString("url"),
                rs.getString("secret"),
                rs.getString("event"),
                rs.getString("body"),
                rs.getInt("attempts"));
    }

    /** Cancels the queued (not yet claimed) posts whose reference starts with {@code prefix}. */
    int cancelQueued(UUID workspaceId, String prefix) {
        String like = prefix.replace("%", "").replace("_", "\\_") + "%";
        return jdbc.sql("update outgoing_webhook set status = 'cancelled', claimed_until = null,"
                        + " last_error = 'cancelled: the subscription was deleted'"
                        + " where workspace_id = ? and reference like ? and status = 'queued'")
                .params(workspaceId, like)
                .update();
    }

    /** The posts whose reference starts with {@code prefix}, newest first. */
    PageResult<WebhookAttempt> log(UUID workspaceId, String prefix, PageResult.Request page) {
        String like = prefix.replace("%", "").replace("_", "\\_") + "%";
        List<WebhookAttempt> items = jdbc.sql("""
                        select id, event, status, attempts, last_error, created_at, next_attempt_at, sent_at
                        from outgoing_webhook where workspace_id = ? and reference like ?
                        order by created_at desc, id limit ? offset ?""")
                .params(workspaceId, like, page.size(), page.offset())
                .query((rs, i) -> new WebhookAttempt(
                        rs.getObject("id", UUID.class),
                        rs.getString("event"),
                        Coded.from(OutboxStatus.class, rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        SqlTimes.instant(rs, "created_at"),
                        SqlTimes.instant(rs, "next_attempt_at"),
                        SqlTimes.instant(rs, "sent_at")))
                .list();
        long total = jdbc.sql("select count(*) from outgoing_webhook where workspace_id = ? and reference like ?")
                .params(workspaceId, like)
                .query(Long.class)
                .single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }
}
