package org.courriel.access.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database for a gauge at most once per {@code ttl}, so that a Prometheus scrape (or
 * several, from several scrapers) costs at most one query per period. A failed read (the database is down)
 * gives no value, and the next scrape tries again: the gauge reads NaN rather than a stale number.
 * <p>
 * Register the gauge with {@code strongReference(true)}: a gauge holds its object weakly, and nothing else
 * holds the reading.
 *
 * @param <T> what is read: a number, or a map of numbers for a family of gauges
 */
public final class CachedReading<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String what;
    private final Supplier<T> source;
    private final long ttlNanos;
    private T value;
    private long readAt;

    public CachedReading(String what, Duration ttl, Supplier<T> source) {
        this.what = what;
        this.source = source;
        this.ttlNanos = ttl.toNanos();
    }

    /** The cached value, read again when older than the ttl; null when the last read failed. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt >= ttlNanos) {
            readAt = now;
            try {
                value = source.get();
            } catch (RuntimeException e) {
                log.debug("Could not read {} for its gauge: {}", what, e.toString());
                value = null;
            }
        }
        return value;
    }
}
