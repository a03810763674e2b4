package org.courriel.api.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per account: {@code burst} tokens at most, refilled at {@code perSecond}; a request takes
 * one. Pure apart from the clock, so tests drive it with a fixed one.
 */
final class RateLimiter {

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    /** Beyond this many accounts with buckets, full buckets are dropped (they carry no state worth keeping). */
    private static final int MAX_BUCKETS = 100_000;

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /**
     * Takes a token for the account.
     *
     * @return 0 when the request may go on, else the seconds to wait before a token is available
     */
    long acquire(long accountId) {
        if (perSecond <= 0) {
            return 0;
        }
        long now = nanos();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> refilled(b, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(accountId, id -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.lastNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }

    private double refilled(Bucket b, long now) {
        double elapsed = (now - b.lastNanos) / 1e9;
        return Math.min(burst, b.tokens + elapsed * perSecond);
    }

    private long nanos() {
        java.time.Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
