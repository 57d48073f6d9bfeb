package org.opennps.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it; the secret only when it is created.
 *
 * @param disabledReason why deliveries stopped, when {@code active} is false
 */
public record WebhookSubscription(
        UUID id,
        String url,
        List<String> events,
        boolean active,
        String disabledReason,
        int consecutiveFailures,
        Instant createdAt,
        String secret) {

    /** Every event a subscription can name. */
    public static final List<String> EVENTS = List.of(
            "response.scored",
            "response.completed",
            "response.updated",
            "invitation.sent",
            "invitation.failed",
            "contact.unsubscribed",
            "case.updated");

    WebhookSubscription withoutSecret() {
        return new WebhookSubscription(id, url, events, active, disabledReason, consecutiveFailures, createdAt, null);
    }
}
