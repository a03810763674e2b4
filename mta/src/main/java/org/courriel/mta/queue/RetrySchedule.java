package org.courriel.mta.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a deferred recipient is tried again: the one function of the backoff (RFC 5321 §4.5.4.1 asks for
 * at least 30 minutes between retries and a give-up time of at least 4-5 days; the first retries come sooner
 * because most transient failures are greylisting and short outages).
 */
public final class RetrySchedule {

    private final List<Duration> intervals;
    private final Duration expireAfter;

    public RetrySchedule(QueueProperties.Retry retry) {
        this.intervals = retry.intervals();
        this.expireAfter = retry.expireAfter();
    }

    /**
     * @param attempts the attempts made so far, the one that just failed included (1 or more)
     * @param queuedAt when the message was queued
     * @param now      when the attempt failed
     * @return the next attempt's time, or empty when the recipient has expired and must be bounced
     */
    public Optional<Instant> nextAttempt(int attempts, Instant queuedAt, Instant now) {
        Instant expiry = expiry(queuedAt);
        if (!now.isBefore(expiry)) {
            return Optional.empty();
        }
        Duration wait = intervals.get(Math.min(Math.max(attempts, 1), intervals.size()) - 1);
        Instant next = now.plus(wait);
        return Optional.of(next.isAfter(expiry) ? expiry : next); // one last try at the expiry time
    }

    /** When a message queued at {@code queuedAt} is given up (the DSN's Will-Retry-Until). */
    public Instant expiry(Instant queuedAt) {
        return queuedAt.plus(expireAfter);
    }
}
