package org.opennps.shared;

import java.time.Duration;

/**
 * The server cannot take the request right now (contention that outlasted its retries) and
 * stored nothing: answered 503 with {@code Retry-After}, so the client sends it again.
 */
public class BusyException extends RuntimeException {

    private final Duration retryAfter;

    public BusyException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
