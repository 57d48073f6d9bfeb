package org.opennps.delighted;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Delighted-compatible API.
 *
 * @param requestsPerMinute requests per minute one API key may make to {@code /v1/**}; more get
 *     429 with {@code Retry-After} (default 300)
 */
@Validated
@ConfigurationProperties("opennps.delighted")
record DelightedProperties(@Min(1) @DefaultValue("300") int requestsPerMinute) {}
