package org.courriel.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aBurstPassesThenRequestsWaitForTheRefill() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(2, 3, clock);
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMillis(500));
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isPositive();
    }

    @Test
    void accountsHaveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter(0.01, 1, new ManualClock());
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isEqualTo(100);
        assertThat(limiter.acquire(2)).isZero();
    }

    @Test
    void zeroRateTurnsLimitingOff() {
        RateLimiter limiter = new RateLimiter(0, 1, new ManualClock());
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire(1)).isZero();
        }
    }
}
