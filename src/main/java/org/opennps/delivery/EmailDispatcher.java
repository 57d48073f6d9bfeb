package org.opennps.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over the outbox: claim each due row, hand it to the transport, then mark it sent —
 * only after the transport accepted it, so a failure or crash before that leaves it to be
 * retried, and the claim keeps other nodes from sending it meanwhile.
 */
class EmailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    private final EmailOutbox outbox;
    private final MailTransport transport;
    private final DeliveryProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    EmailDispatcher(
            EmailOutbox outbox,
            MailTransport transport,
            DeliveryProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    DispatchResult dispatchDue() {
        Instant now = clock.instant();
        if (!properties.resendUnknown()) {
            outbox.rows()
                    .parkUnknown(now)
                    .forEach(id -> log.warn(
                            "E-mail {} parked as unknown: its node stopped after handing it over and before"
                                    + " recording the outcome; it may or may not have been delivered",
                            id));
        }
        DispatchResult result = DispatchResult.NOTHING;
        for (UUID id : outbox.rows().due(now, properties.batchSize())) {
            Optional<QueuedEmail> claimed = outbox.claim(id, now, now.plus(properties.claimTimeout()));
            if (claimed.isPresent()) {
                result = result.plus(send(claimed.get()));
            }
        }
        return result;
    }

    /**
     * The claim (committed) records the attempt; the transport marks the row sent in a short
     * transaction the moment the server accepted the e-mail. A node dying in between leaves the
     * row {@code sending} until its claim runs out: an attempt of unknown outcome, resent with
     * the same Message-ID or parked, as {@code opennps.delivery.resend-unknown} says.
     */
    private DispatchResult send(QueuedEmail email) {
        try {
            transport.send(email, () -> markSent(email));
        } catch (MailTransport.TransportException e) {
            return failed(email, e);
        }
        return new DispatchResult(1, 0, 0);
    }

    private void markSent(QueuedEmail email) {
        Instant sentAt = clock.instant();
        tx.executeWithoutResult(status -> {
            if (outbox.rows().markSent(email.id(), sentAt)) {
                events.publishEvent(new EmailSent(email.workspaceId(), email.id(), email.reference(), sentAt));
            }
        });
    }

    private DispatchResult failed(QueuedEmail email, MailTransport.TransportException e) {
        if (e.permanent() || email.attempts() >= properties.maxAttempts()) {
            log.warn("E-mail {} given up after {} attempt(s): {}", email.id(), email.attempts(), e.getMessage());
            tx.executeWithoutResult(status -> {
                outbox.rows().markFailed(email.id(), e.getMessage());
                events.publishEvent(
                        new EmailFailed(email.workspaceId(), email.id(), email.reference(), e.getMessage()));
            });
            return new DispatchResult(0, 0, 1);
        }
        Instant next = clock.instant().plus(properties.backoff(email.attempts()));
        log.info(
                "E-mail {} not sent (attempt {}), retrying at {}: {}",
                email.id(),
                email.attempts(),
                next,
                e.getMessage());
        outbox.rows().retryLater(email.id(), next, e.getMessage());
        return new DispatchResult(0, 1, 0);
    }
}
