package org.courriel.mta.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant QUEUED = Instant.parse("2026-01-01T00:00:00Z");
    private final RetrySchedule defaults = new RetrySchedule(new QueueProperties.Retry(
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30)), Duration.ofDays(5)));

    @Test
    void firstRetriesComeSoonThenEveryThirtyMinutes() {
        Instant now = QUEUED.plusSeconds(1);
        assertThat(defaults.nextAttempt(1, QUEUED, now)).contains(now.plus(Duration.ofMinutes(5)));
        assertThat(defaults.nextAttempt(2, QUEUED, now)).contains(now.plus(Duration.ofMinutes(10)));
        assertThat(defaults.nextAttempt(3, QUEUED, now)).contains(now.plus(Duration.ofMinutes(30)));
        assertThat(defaults.nextAttempt(40, QUEUED, now)).contains(now.plus(Duration.ofMinutes(30)));
    }

    @Test
    void theLastTryIsAtTheExpiryTimeAndAfterItTheRecipientExpires() {
        Instant nearEnd = QUEUED.plus(Duration.ofDays(5)).minus(Duration.ofMinutes(10));
        assertThat(defaults.nextAttempt(100, QUEUED, nearEnd)).contains(QUEUED.plus(Duration.ofDays(5)));
        assertThat(defaults.nextAttempt(101, QUEUED, QUEUED.plus(Duration.ofDays(5)))).isEmpty();
        assertThat(defaults.expiry(QUEUED)).isEqualTo(QUEUED.plus(Duration.ofDays(5)));
    }
}
