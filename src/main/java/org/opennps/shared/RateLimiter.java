package org.opennps.shared;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-key request limits for public endpoints (token buckets, refilled evenly over a minute).
 * Buckets live in this node's memory: with N nodes behind a balancer a client gets at most N
 * times the limit, which is acceptable for abuse protection.
 */
@Component
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    /** Buckets refill on the application clock, so tests move time instead of waiting. */
    RateLimiter(Clock clock) {
        Instant origin = clock.instant();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return Duration.between(origin, clock.instant()).toNanos();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one request from the key's bucket, or throws {@link RateLimitedException}. */
    public void check(String key, int perMinute) {
        check(key, perMinute, Duration.ofMinutes(1));
    }

    /**
     * Takes one from a bucket of {@code capacity} refilled evenly over {@code period} (e.g. 10
     * answers an hour), or throws {@link RateLimitedException}. A key names its period too, so
     * callers give each limit its own key prefix.
     */
    public void check(String key, int capacity, Duration period) {
        if (buckets.size() > MAX_KEYS) {
            // Idle buckets are full anyway; forgetting them all only forgives clients mid-burst.
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                        .withCustomTimePrecision(time)
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
