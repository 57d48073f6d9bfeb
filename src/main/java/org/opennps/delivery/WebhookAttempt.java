package org.opennps.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One queued webhook post as its delivery log shows it.
 *
 * @param status queued, sent or failed (given up after the last retry)
 */
public record WebhookAttempt(
        UUID id,
        String event,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {}
