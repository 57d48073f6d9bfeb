package org.opennps.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over the outbox: claim a batch of due rows (one short committed transaction), hand
 * them to the transport over one session (one SMTP connection), and record the accepted ones as
 * sent together — one transaction with one batch of updates and one {@link EmailsSent} event —
 * at the end of the batch, or earlier once the oldest unrecorded one was accepted
 * {@code mark-within} ago. A crash before that leaves those rows claimed: after the claim
 * timeout their outcome is unknown (resent with the same Message-ID, or parked), exactly as for
 * the one e-mail in hand before; the claim keeps other nodes and workers from sending them
 * meanwhile. Several workers run passes at once; their claims never overlap.
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

    /** One pass of up to {@code batch-size} e-mails on the caller's thread (tests and tools). */
    DispatchResult dispatchDue() {
        return pass(() -> false);
    }

    /**
     * Claims one batch and sends it. {@code stopping} is asked before each e-mail: once it says
     * yes, the e-mails not yet attempted are released (queued again, attempt not counted) and
     * the pass ends, so a stopping node holds nothing.
     */
    DispatchResult pass(BooleanSupplier stopping) {
        Instant now = clock.instant();
        if (!properties.resendUnknown()) {
            outbox.rows()
                    .parkUnknown(now)
                    .forEach(id -> log.warn(
                            "E-mail {} parked as unknown: its node stopped after handing it over and before"
                                    + " recording the outcome; it may or may not have been delivered",
                            id));
        }
        if (stopping.getAsBoolean()) {
            return DispatchResult.NOTHING;
        }
        List<QueuedEmail> claimed =
                tx.execute(s -> outbox.claimBatch(now, now.plus(properties.claimTimeout()), properties.batchSize()));
        if (claimed == null || claimed.isEmpty()) {
            return DispatchResult.NOTHING;
        }
        DispatchResult result = DispatchResult.NOTHING;
        Map<UUID, Instant> accepted = new LinkedHashMap<>();
        Map<UUID, QueuedEmail> byId = new HashMap<>();
        claimed.forEach(e -> byId.put(e.id(), e));
        int next = 0;
        try (MailTransport.Session session = transport.open()) {
            while (next < claimed.size() && !stopping.getAsBoolean()) {
                QueuedEmail email = claimed.get(next++);
                try {
                    session.send(email, () -> accepted.put(email.id(), clock.instant()));
                    result = result.plus(new DispatchResult(1, 0, 0));
                } catch (MailTransport.TransportException e) {
                    result = result.plus(failed(email, e));
                    if (e.connectionLost()) {
                        // the server is unreachable: the rest waits for the next pass instead of timing out one by one
                        break;
                    }
                }
                if (oldestWaitedLongEnough(accepted)) {
                    record(accepted, byId);
                }
            }
            // before QUIT: closing the session can fail or hang, the record must not wait for it
            record(accepted, byId);
        } finally {
            recordQuietly(accepted, byId);
            release(claimed.subList(next, claimed.size()));
        }
        return result;
    }

    /** Whether the oldest accepted e-mail not yet recorded has waited {@code mark-within}. */
    private boolean oldestWaitedLongEnough(Map<UUID, Instant> accepted) {
        return !accepted.isEmpty()
                && !accepted.values()
                        .iterator()
                        .next()
                        .plus(properties.markWithin())
                        .isAfter(clock.instant());
    }

    /**
     * Marks the accepted e-mails sent and announces them, in one transaction; the buffer is
     * emptied first, so a failure leaves them claimed (their outcome unknown) rather than
     * recorded twice.
     */
    private void record(Map<UUID, Instant> accepted, Map<UUID, QueuedEmail> byId) {
        if (accepted.isEmpty()) {
            return;
        }
        Map<UUID, Instant> batch = new LinkedHashMap<>(accepted);
        accepted.clear();
        tx.executeWithoutResult(status -> {
            List<EmailSent> sent = new ArrayList<>(batch.size());
            for (UUID id : outbox.rows().markSent(batch)) {
                QueuedEmail email = byId.get(id);
                sent.add(new EmailSent(email.workspaceId(), id, email.reference(), batch.get(id)));
            }
            if (!sent.isEmpty()) {
                events.publishEvent(new EmailsSent(sent));
            }
        });
    }

    /** The end of a pass that failed on its way: what the server accepted is still recorded if it can be. */
    private void recordQuietly(Map<UUID, Instant> accepted, Map<UUID, QueuedEmail> byId) {
        int count = accepted.size();
        try {
            record(accepted, byId);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not record {} accepted e-mail(s) as sent; their outcome is unknown once their claim runs out",
                    count,
                    e);
        }
    }

    private void release(List<QueuedEmail> unsent) {
        if (unsent.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>();
        unsent.forEach(e -> ids.add(e.id()));
        try {
            outbox.rows().release(ids);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not give {} claimed e-mail(s) back; they are due again when their claim runs out",
                    ids.size(),
                    e);
        }
    }

    private DispatchResult failed(QueuedEmail email, MailTransport.TransportException e) {
        if (e.permanent() || email.attempts() >= properties.maxAttempts()) {
            log.warn("E-mail {} given up after {} attempt(s): {}", email.id(), email.attempts(), e.getMessage());
            tx.executeWithoutResult(status -> {
                // a row cancelled while it was being sent stays cancelled and is reported by nobody
                if (outbox.rows().markFailed(email.id(), e.getMessage())) {
                    events.publishEvent(
                            new EmailFailed(email.workspaceId(), email.id(), email.reference(), e.getMessage()));
                }
                if (e.bounced()) {
                    events.publishEvent(new EmailBounced(
                            email.workspaceId(), email.id(), email.reference(), email.to(), e.getMessage()));
                }
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
