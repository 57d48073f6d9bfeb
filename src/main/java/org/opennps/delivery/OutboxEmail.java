package org.opennps.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox e-mail as the API lists it: where it stands and why.
 *
 * @param status {@code queued}, {@code sending}, {@code sent}, {@code failed}, {@code unknown}
 *     (an attempt whose outcome nobody knows, parked for review) or {@code cancelled} (what it was
 *     queued for, such as an invitation, was deleted before it went out)
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
        String status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant createdAt,
        Instant sentAt) {}
