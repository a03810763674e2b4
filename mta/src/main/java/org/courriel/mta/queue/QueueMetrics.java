package org.courriel.mta.queue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The queue's meters: recipients by state (a gauge refreshed by the workers from the database, so it counts
 * every node's work), attempts, outcomes by result and reply class, and time from queuing to delivery.
 */
public class QueueMetrics {

    private final MeterRegistry registry;
    private final Map<RecipientState, AtomicLong> sizes = new EnumMap<>(RecipientState.class);
    private final Counter attempts;
    private final Timer deliveryTime;

    public QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (RecipientState state : RecipientState.values()) {
            AtomicLong value = new AtomicLong();
            sizes.put(state, value);
            Gauge.builder("courriel.queue.recipients", value, AtomicLong::get)
                    .description("Queued recipients by state (finished ones until purged)")
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
        }
        this.attempts = Counter.builder("courriel.queue.attempts").description("Delivery attempts of recipients")
                .register(registry);
        this.deliveryTime = Timer.builder("courriel.queue.delivery.time")
                .description("Time from queuing to delivery of a recipient").register(registry);
    }

    void sizes(Map<RecipientState, Long> counts) {
        counts.forEach((state, count) -> sizes.get(state).set(count));
    }

    /** One attempt's outcome, with the class of the deciding reply (2xx, 4xx, 5xx). */
    void attempt(String outcome, int replyCode) {
        attempts.increment();
        Counter.builder("courriel.queue.outcomes").description("Attempt outcomes by result and reply class")
                .tag("outcome", outcome.toLowerCase(java.util.Locale.ROOT))
                .tag("class", (replyCode / 100) + "xx")
                .register(registry).increment();
    }

    void delivered(Duration sinceQueued) {
        deliveryTime.record(sinceQueued.isNegative() ? Duration.ZERO : sinceQueued);
    }
}
