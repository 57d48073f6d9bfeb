package org.opennps.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox e-mail as the API lists it: where it stands and why.
 *
 * @param status where it stands, see {@link OutboxStatus}
 * @param attempts attempts made so far
 * @param nextAttemptAt when a queued e-mail is tried next
 * @param lastAttemptAt when the last attempt started
 */
public record OutboxEmail(
        UUID id,
        String reference,
        String kind,
        String to,
        String subject,
        OutboxStatus status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant createdAt,
        Instant sentAt) {}
