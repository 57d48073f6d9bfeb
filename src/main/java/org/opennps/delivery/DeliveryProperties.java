package org.opennps.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox sends.
 *
 * @param pollInterval how often each node looks for due e-mails and webhooks
 * @param batchSize most rows one pass claims
 * @param maxAttempts attempts before a message is given up as failed
 * @param firstRetry wait after the first failed attempt; doubled after each further one
 * @param maxRetry longest wait between two attempts
 * @param claimTimeout how long a claimed row stays with one node; after that (a crash while
 *     sending) the attempt's outcome is unknown
 * @param resendUnknown what happens to a row whose attempt has an unknown outcome: true (the
 *     default) sends it again, with the same Message-ID so receivers can drop the copy; false
 *     parks it with status {@code unknown} for review
 * @param emailWorkers threads per node sending e-mail, each over one SMTP connection per batch
 * @param webhookWorkers threads per node posting webhooks, apart from the e-mail workers
 * @param shutdownMaxWait how long a graceful stop waits for the workers to finish the message in
 *     hand and give the rest of their batches back
 * @param markWithin longest time an e-mail the server accepted waits to be recorded as sent: a
 *     worker records the accepted e-mails of its batch together (one transaction, one event),
 *     at the end of the batch or as soon as the oldest unrecorded one is this old; zero records
 *     each one on its own. Bounds what a crash can leave with an unknown outcome
 */
@ConfigurationProperties("opennps.delivery")
record DeliveryProperties(
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT1H") Duration maxRetry,
        @DefaultValue("PT5M") Duration claimTimeout,
        @DefaultValue("true") boolean resendUnknown,
        @DefaultValue("4") int emailWorkers,
        @DefaultValue("2") int webhookWorkers,
        @DefaultValue("PT10S") Duration shutdownMaxWait,
        @DefaultValue("PT1S") Duration markWithin) {

    DeliveryProperties {
        if (markWithin.isNegative()) {
            throw new IllegalArgumentException("opennps.delivery.mark-within must not be negative");
        }
        if (batchSize < 1 || maxAttempts < 1 || emailWorkers < 1 || webhookWorkers < 1) {
            throw new IllegalArgumentException(
                    "opennps.delivery.batch-size, max-attempts, email-workers and webhook-workers must be positive");
        }
    }

    DeliveryProperties withResendUnknown(boolean resend) {
        return new DeliveryProperties(
                pollInterval,
                batchSize,
                maxAttempts,
                firstRetry,
                maxRetry,
                claimTimeout,
                resend,
                emailWorkers,
                webhookWorkers,
                shutdownMaxWait,
                markWithin);
    }

    DeliveryProperties withMarkWithin(Duration within) {
        return new DeliveryProperties(
                pollInterval,
                batchSize,
                maxAttempts,
                firstRetry,
                maxRetry,
                claimTimeout,
                resendUnknown,
                emailWorkers,
                webhookWorkers,
                shutdownMaxWait,
                within);
    }

    /** Wait before attempt {@code attempts + 1}: firstRetry, doubled per attempt, capped. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
