package org.opennps.respond;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The anonymous public survey link {@code /l/{survey_id}}.
 *
 * @param requestsPerMinute page views and answers one client address may make per minute across
 *     all public links; more get 429 with Retry-After (default 30). Behind a reverse proxy, set
 *     {@code server.forward-headers-strategy=native} so the client's address is used
 * @param answersPerHour answers one client address may give per survey and hour (default 5)
 * @param surveyAnswersPerMinute answers a survey's public link takes per minute from all
 *     addresses together (default 60)
 * @param onePerBrowser a browser that answered the link comes back to its own response (to go on
 *     or to "already answered") instead of starting another one; switch off for a shared kiosk
 *     (default true)
 */
@Validated
@ConfigurationProperties("opennps.public-link")
record PublicLinkProperties(
        @DefaultValue("30") @Min(1) @Max(100000) int requestsPerMinute,
        @DefaultValue("5") @Min(1) @Max(100000) int answersPerHour,
        @DefaultValue("60") @Min(1) @Max(1000000) int surveyAnswersPerMinute,
        @DefaultValue("true") boolean onePerBrowser) {}
