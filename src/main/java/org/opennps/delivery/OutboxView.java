package org.opennps.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.opennps.shared.Coded;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read side of the e-mail outbox for the API: rows of one workspace, newest first, filtered. */
@Component
class OutboxView {

    private final JdbcClient jdbc;

    OutboxView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<OutboxEmail> emails(
            UUID workspaceId,
            OutboxStatus status,
            String to,
            String referencePrefix,
            Instant since,
            Instant until,
            PageResult.Request page) {
        StringBuilder where = new StringBuilder(" from outgoing_email where workspace_id = :ws");
        if (status != null) {
            where.append(" and status = :status");
        }
        if (to != null) {
            where.append(" and to_address = :to");
        }
        if (referencePrefix != null) {
            where.append(" and reference like :ref");
        }
        if (since != null) {
            where.append(" and created_at >= :since");
        }
        if (until != null) {
            where.append(" and created_at < :until");
        }
        var count = bind(jdbc.sql("select count(*)" + where), workspaceId, status, to, referencePrefix, since, until);
        var select = bind(
                        jdbc.sql("select id, reference, kind, to_address, subject, status, attempts, last_error,"
                                + " next_attempt_at, attempted_at, created_at, sent_at" + where
                                + " order by created_at desc, id limit :limit offset :offset"),
                        workspaceId,
                        status,
                        to,
                        referencePrefix,
                        since,
                        until)
                .param("limit", page.size())
                .param("offset", page.offset());
        return new PageResult<>(
                select.query(OutboxView::map).list(),
                page.page(),
                page.size(),
                count.query(Long.class).single());
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec,
            UUID workspaceId,
            OutboxStatus status,
            String to,
            String referencePrefix,
            Instant since,
            Instant until) {
        spec = spec.param("ws", workspaceId);
        if (status != null) {
            spec = spec.param("status", status.code());
        }
        if (to != null) {
            spec = spec.param("to", to);
        }
        if (referencePrefix != null) {
            spec = spec.param("ref", referencePrefix.replace("%", "").replace("_", "\\_") + "%");
        }
        if (since != null) {
            spec = spec.param("since", SqlTimes.param(since));
        }
        if (until != null) {
            spec = spec.param("until", SqlTimes.param(until));
        }
        return spec;
    }

    private static OutboxEmail map(ResultSet rs, int row) throws SQLException {
        return new OutboxEmail(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getString("kind"),
                rs.getString("to_address"),
                rs.getString("subject"),
                Coded.from(OutboxStatus.class, rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                OutboxStatus.QUEUED.code().equals(rs.getString("status"))
                        ? SqlTimes.instant(rs, "next_attempt_at")
                        : null,
                SqlTimes.instant(rs, "attempted_at"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "sent_at"));
    }
}
