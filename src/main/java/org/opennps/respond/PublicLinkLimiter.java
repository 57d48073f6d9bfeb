package org.opennps.respond;

import org.opennps.shared.RateLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The public link's limit per client address, on the shared token buckets. */
@Component
@EnableConfigurationProperties(PublicLinkProperties.class)
class PublicLinkLimiter {

    private final RateLimiter limiter;
    private final int perMinute;

    PublicLinkLimiter(RateLimiter limiter, PublicLinkProperties properties) {
        this.limiter = limiter;
        this.perMinute = properties.requestsPerMinute();
    }

    /** Counts one request of this client; throws RateLimitedException when over the limit. */
    void check(String clientAddress) {
        limiter.check("public-link|" + clientAddress, perMinute);
    }
}
