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
 * @param answersPerHour answers one client address may send per survey and hour (default 10);
 *     more get 429
 * @param surveyAnswersPerMinute answers one survey takes per minute through the client API from
 *     all addresses together (default 120)
 */
@Validated
@ConfigurationProperties("opennps.client")
record ClientProperties(
        @Min(1) @DefaultValue("120") int requestsPerMinute,
        @Min(1) @DefaultValue("50") int maxEventsPerRequest,
        @Min(1) @DefaultValue("10") int answersPerHour,
        @Min(1) @DefaultValue("120") int surveyAnswersPerMinute) {}
