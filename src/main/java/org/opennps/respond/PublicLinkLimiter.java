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
    private final PublicLinkProperties properties;

    PublicLinkLimiter(RateLimiter limiter, PublicLinkProperties properties) {
        this.limiter = limiter;
        this.perMinute = properties.requestsPerMinute();
        this.properties = properties;
    }

    /**
     * Counts one answer to the survey from this client: per address and survey
     * ({@code answers-per-hour}) and per survey ({@code survey-answers-per-minute}).
     */
    void checkAnswer(String surveyId, String clientAddress) {
        limiter.check(
                "public-link-answer|" + surveyId + "|" + clientAddress,
                properties.answersPerHour(),
                java.time.Duration.ofHours(1));
        limiter.check(
                "public-link-survey|" + surveyId, properties.surveyAnswersPerMinute(), java.time.Duration.ofMinutes(1));
    }

    /** Counts one request of this client; throws RateLimitedException when over the limit. */
    void check(String clientAddress) {
        limiter.check("public-link|" + clientAddress, perMinute);
    }
}
