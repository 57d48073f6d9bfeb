package org.opennps.webhook;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing webhook subscriptions.
 *
 * @param disableAfterFailures a subscription is switched off after this many posts in a row
 *     failed for good (each after all its retries)
 * @param keepMissed how long a switched-off subscription's missed events are kept for a replay
 */
@Validated
@ConfigurationProperties("opennps.webhooks")
record WebhookProperties(
        @Min(1) @DefaultValue("5") int disableAfterFailures,
        @DefaultValue("P30D") java.time.Duration keepMissed) {}
