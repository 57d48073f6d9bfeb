package org.opennps.event;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How intake copes with batches that wait for each other's contacts: how long one statement
 * may wait for a row lock, and how many times a batch that lost a lock wait or a deadlock is
 * tried again before the request is answered 503 with {@code Retry-After}. Settable at run
 * time.
 */
@Component
class IntakeContention {

    private volatile int attempts;
    private volatile Duration lockTimeout;

    IntakeContention(
            @Value("${opennps.events.intake-attempts:4}") int attempts,
            @Value("${opennps.events.lock-timeout:2s}") Duration lockTimeout) {
        set(attempts, lockTimeout);
    }

    int attempts() {
        return attempts;
    }

    Duration lockTimeout() {
        return lockTimeout;
    }

    void set(int attempts, Duration lockTimeout) {
        if (attempts < 1 || lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("attempts >= 1 and a positive lock timeout");
        }
        this.attempts = attempts;
        this.lockTimeout = lockTimeout;
    }
}
