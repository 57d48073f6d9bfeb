package org.opennps.respond;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opennps.shared.RateLimitedException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for the public link, on the application clock. Buckets live
 * in memory per node; the table is cleared when it grows past a bound, which only forgives.
 */
@Component
@EnableConfigurationProperties(PublicLinkProperties.class)
class PublicLinkLimiter {

    private static final int MAX_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;
    private final TimeMeter time;

    PublicLinkLimiter(PublicLinkProperties properties, Clock clock) {
        this.perMinute = properties.requestsPerMinute();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                var now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Counts one request of this client; throws RateLimitedException when over the limit. */
    void check(String clientAddress) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(
                clientAddress,
                a -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .withCustomTimePrecision(time)
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
