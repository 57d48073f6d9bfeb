package org.opennps.delivery;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An e-mail to queue. {@code reference} identifies what the e-mail is for (an invitation, a
 * journey step): queueing the same reference twice keeps the first e-mail only.
 *
 * @param kind {@code survey}, {@code message} or another short label, for the mailbox and logs
 * @param html the HTML part, or null for a text-only e-mail
 * @param headers extra headers such as {@code List-Unsubscribe}
 */
public record EmailRequest(
        UUID workspaceId,
        String reference,
        String kind,
        String to,
        String subject,
        String text,
        String html,
        Map<String, String> headers) {

    public EmailRequest {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        kind = kind == null ? "message" : kind;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (subject.length() > 300) {
            subject = subject.substring(0, 300);
        }
    }
}
