package org.opennps.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** One pass over the webhook outbox: claim, post, then mark delivered or schedule a retry. */
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final DeliveryProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebhookDispatcher(
            WebhookOutbox outbox,
            WebhookSender sender,
            DeliveryProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    DispatchResult dispatchDue() {
        return pass(() -> false);
    }

    /**
     * Claims a batch of due posts and sends them one by one; once {@code stopping} says yes, the
     * posts not yet attempted are released and the pass ends.
     */
    DispatchResult pass(java.util.function.BooleanSupplier stopping) {
        Instant now = clock.instant();
        if (!properties.resendUnknown()) {
            outbox.rows()
                    .parkUnknown(now)
                    .forEach(id -> log.warn("Webhook {} parked as unknown: its node stopped while posting it", id));
        }
        if (stopping.getAsBoolean()) {
            return DispatchResult.NOTHING;
        }
        java.util.List<WebhookOutbox.Row> claimed =
                tx.execute(s -> outbox.claimBatch(now, now.plus(properties.claimTimeout()), properties.batchSize()));
        if (claimed == null || claimed.isEmpty()) {
            return DispatchResult.NOTHING;
        }
        DispatchResult result = DispatchResult.NOTHING;
        int next = 0;
        try {
            while (next < claimed.size() && !stopping.getAsBoolean()) {
                result = result.plus(post(claimed.get(next++)));
            }
        } finally {
            java.util.List<UUID> unsent = claimed.subList(next, claimed.size()).stream()
                    .map(WebhookOutbox.Row::id)
                    .toList();
            if (!unsent.isEmpty()) {
                outbox.rows().release(unsent);
            }
        }
        return result;
    }

    private DispatchResult post(WebhookOutbox.Row row) {
        try {
            sender.post(row.url(), row.secret(), row.event(), row.body());
        } catch (RuntimeException e) {
            if (row.attempts() >= properties.maxAttempts()) {
                log.warn("Webhook {} given up after {} attempts: {}", row.id(), row.attempts(), e.getMessage());
                tx.executeWithoutResult(s -> {
                    if (outbox.rows().markFailed(row.id(), e.getMessage())) {
                        events.publishEvent(
                                new WebhookFailed(row.workspaceId(), row.id(), row.reference(), e.getMessage()));
                    }
                });
                return new DispatchResult(0, 0, 1);
            }
            outbox.rows()
                    .retryLater(row.id(), clock.instant().plus(properties.backoff(row.attempts())), e.getMessage());
            return new DispatchResult(0, 1, 0);
        }
        tx.executeWithoutResult(s -> {
            if (outbox.rows().markSent(row.id(), clock.instant())) {
                events.publishEvent(new WebhookDelivered(row.workspaceId(), row.id(), row.reference()));
            }
        });
        return new DispatchResult(1, 0, 0);
    }
}
