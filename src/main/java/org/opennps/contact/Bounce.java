package org.opennps.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * A bounce or complaint notification: {@code type} is {@code hard_bounce} (the address is
 * undeliverable: the contact is suppressed in every channel), {@code soft_bounce} (recorded only)
 * or {@code complaint} (the person marked a message as spam: the contact is unsubscribed).
 *
 * @param source {@code api} (an e-mail provider's notification) or {@code smtp} (the outbox met a
 *     5xx reply to RCPT TO)
 * @param contactId the workspace's contact with that address, if any
 */
public record Bounce(
        UUID id,
        String email,
        String type,
        String source,
        UUID contactId,
        String reason,
        Instant occurredAt,
        Instant receivedAt) {

    public static final String HARD = "hard_bounce";
    public static final String SOFT = "soft_bounce";
    public static final String COMPLAINT = "complaint";
}
