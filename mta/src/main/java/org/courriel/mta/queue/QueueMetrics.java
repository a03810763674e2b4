package org.courriel.mta.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.courriel.access.metrics.CachedReading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The queue's meters: recipients by state and the age of the oldest waiting message (gauges read from the
 * database, so they count every node's work, at most every few seconds however often Prometheus scrapes),
 * attempts, outcomes by result and reply class, and time from queuing to delivery.
 */
public class QueueMetrics {

    /** How long a database reading serves scrapes. */
    static final Duration READING_TTL = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final Counter attempts;
    private final Timer deliveryTime;

    public QueueMetrics(MeterRegistry registry, QueueRepository repository, Clock clock) {
        this.registry = registry;
        CachedReading<Map<RecipientState, Long>> sizes = new CachedReading<>("the queue size", READING_TTL,
                repository::countByState);
        for (RecipientState state : RecipientState.values()) {
            Gauge.builder("courriel.queue.recipients", sizes, s -> count(s.get(), state))
                    .description("Queued recipients by state (finished ones until purged)")
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).strongReference(true).register(registry);
        }
        CachedReading<Optional<Instant>> oldest = new CachedReading<>("the oldest queued message", READING_TTL,
                repository::oldestWaiting);
        Gauge.builder("courriel.queue.oldest.age", oldest, o -> ageSeconds(o.get(), clock))
                .description("Age of the oldest message with a recipient still to deliver (0 when none)")
                .baseUnit("seconds").strongReference(true).register(registry);
        this.attempts = Counter.builder("courriel.queue.attempts").description("Delivery attempts of recipients")
                .register(registry);
        this.deliveryTime = Timer.builder("courriel.queue.delivery.time")
                .description("Time from queuing to delivery of a recipient").register(registry);
    }

    private static double count(Map<RecipientState, Long> counts, RecipientState state) {
        return counts == null ? Double.NaN : counts.getOrDefault(state, 0L);
    }

    private static double ageSeconds(Optional<Instant> oldest, Clock clock) {
        if (oldest == null) {
            return Double.NaN;
        }
        return oldest.map(queued -> Math.max(0, Duration.between(queued, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    /** One attempt's outcome, with the class of the deciding reply (2xx, 4xx, 5xx). */
    void attempt(String outcome, int replyCode) {
        attempts.increment();
        Counter.builder("courriel.queue.outcomes").description("Attempt outcomes by result and reply class")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .tag("class", (replyCode / 100) + "xx")
                .register(registry).increment();
    }

    void delivered(Duration sinceQueued) {
        deliveryTime.record(sinceQueued.isNegative() ? Duration.ZERO : sinceQueued);
    }
}
