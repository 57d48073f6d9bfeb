package org.opennps.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One queued webhook post as its delivery log shows it.
 *
 * @param status queued, sent or failed (given up after the last retry), and while a worker
 *     holds it sending; unknown or cancelled as for e-mails
 */
public record WebhookAttempt(
        UUID id,
        String event,
        OutboxStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {}
