package org.opennps.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One e-mail in the dev mailbox, as {@code GET /api/v1/mailbox} shows it. */
public record MailboxEntry(
        UUID id,
        String from,
        String to,
        String subject,
        String text,
        String html,
        Map<String, String> headers,
        Instant sentAt) {}
