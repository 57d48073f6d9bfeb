package org.opennps.shared;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP limits of the API.
 *
 * @param maxBodySize largest request body accepted by {@code /api/**} and {@code /v1/**}; larger
 *     bodies get 413 (default 10MB, enough for 1000 events)
 * @param requestLog whether each API request is logged (method, path, status, duration,
 *     workspace; never headers, bodies or secret path segments)
 */
@Validated
@ConfigurationProperties("opennps.http")
public record HttpProperties(
        @NotNull @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("true") boolean requestLog) {}
