package org.opennps.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class EventRepository {

    /** A row to store; {@code properties} is JSON text. */
    record Row(String eventId, String type, UUID contactId, String properties, Instant occurredAt) {}

    private final JdbcTemplate jdbc;

    private final org.opennps.shared.DatabaseProduct database;

    EventRepository(JdbcTemplate jdbc, org.opennps.shared.DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Stores the rows whose id is new to the workspace and returns, per row, whether it was
     * stored. The unique (workspace, event id) constraint decides, so two requests racing with
     * the same id store it once.
     */
    boolean[] insertNew(UUID workspaceId, List<Row> rows, Instant receivedAt, String source) {
        int[][] counts = jdbc.batchUpdate(
                "insert into event (workspace_id, event_id, type, contact_id, properties, occurred_at, received_at,"
                        + " source) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                rows,
                1000,
                (ps, row) -> {
                    ps.setObject(1, workspaceId);
                    ps.setString(2, row.eventId());
                    ps.setString(3, row.type());
                    ps.setObject(4, row.contactId());
                    ps.setString(5, row.properties());
                    ps.setObject(6, SqlTimes.param(row.occurredAt()));
                    ps.setObject(7, SqlTimes.param(receivedAt));
                    ps.setString(8, source);
                });
        boolean[] stored = new boolean[rows.size()];
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                stored[i++] = count != 0;
            }
        }
        return stored;
    }

    /**
     * Bounds how long the statements of the current transaction wait for a row lock, so a
     * batch blocked behind others fails fast and is tried again rather than holding its
     * request thread: {@code lock_timeout} for this transaction on PostgreSQL, the session's
     * lock timeout on H2 (set again by every intake transaction, so it stays the same).
     */
    void limitLockWaits(Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        if (database.postgres()) {
            jdbc.queryForObject("select set_config('lock_timeout', ?, true)", String.class, millis + "ms");
        } else {
            jdbc.execute("set lock_timeout " + millis);
        }
    }

    long count(UUID workspaceId) {
        return jdbc.queryForObject("select count(*) from event where workspace_id = ?", Long.class, workspaceId);
    }
}
