package org.opennps.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Second chances for webhook posts that failed for good (a subscription switched on again). */
@Service
public class WebhookRetries {

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookRetries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues again, due now with a fresh count of attempts, the workspace's webhook posts whose
     * reference starts with {@code prefix} that failed for good and were created at or after
     * {@code since} (null: any time). Only {@code failed} rows move, so a post is still
     * delivered once; returns how many.
     */
    @Transactional
    public int retryFailed(UUID workspaceId, String prefix, Instant since) {
        return jdbc.sql("update outgoing_webhook set status = 'queued', attempts = 0, next_attempt_at = ?,"
                        + " claimed_until = null where workspace_id = ? and status = 'failed'"
                        + " and reference like ? and created_at >= ?")
                .params(
                        SqlTimes.param(clock.instant().truncatedTo(ChronoUnit.MICROS)),
                        workspaceId,
                        prefix.replace("%", "") + "%",
                        SqlTimes.param(since == null ? Instant.EPOCH : since))
                .update();
    }
}
