package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opennps.support.MutableClock;

class RateLimiterTest {

    final MutableClock clock = new MutableClock();
    final RateLimiter limiter = new RateLimiter(clock);

    @Test
    void limitRefillsAsTheClockMoves() {
        for (int i = 0; i < 3; i++) {
            limiter.check("k", 3);
        }
        assertThatThrownBy(() -> limiter.check("k", 3)).isInstanceOf(RateLimitedException.class);
        assertThatCode(() -> limiter.check("other", 3)).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(20));
        assertThatCode(() -> limiter.check("k", 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.check("k", 3)).isInstanceOf(RateLimitedException.class);
    }
}
