package org.opennps.client;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public client API (widget, mobile apps).
 *
 * @param requestsPerMinute requests one client address may make per public key and minute;
 *     more get 429 with Retry-After
 * @param maxEventsPerRequest events one client request may carry
 */
@Validated
@ConfigurationProperties("opennps.client")
record ClientProperties(
        @Min(1) @DefaultValue("120") int requestsPerMinute,
        @Min(1) @DefaultValue("50") int maxEventsPerRequest) {}
