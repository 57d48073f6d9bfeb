package org.opennps.shared;

import java.time.Duration;

/** The caller sent too many requests (HTTP 429); {@code retryAfter} goes into the header. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many requests; retry after " + Math.max(1, retryAfter.toSeconds()) + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
