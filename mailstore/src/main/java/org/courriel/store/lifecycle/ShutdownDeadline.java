package org.courriel.store.lifecycle;

import java.time.Duration;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The one grace a stopping node has ({@code courriel.listeners.shutdown-grace}), counted from the moment the
 * application context starts closing (SIGTERM), so that the phases of {@link ShutdownPhase} together take
 * one grace, not one each: a later phase gets what the earlier ones left.
 */
public final class ShutdownDeadline implements ApplicationListener<ContextClosedEvent> {

    private final Duration grace;
    private volatile long startedAt;
    private volatile boolean started;

    public ShutdownDeadline(Duration grace) {
        this.grace = grace;
    }

    /** Starts the clock; later calls keep the first start. */
    public synchronized void begin() {
        if (!started) {
            startedAt = System.nanoTime();
            started = true;
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        begin();
    }

    /** What is left of the grace: all of it before shutdown began (a component stopped on its own), never negative. */
    public Duration remaining() {
        if (!started) {
            return grace;
        }
        long left = grace.toNanos() - (System.nanoTime() - startedAt);
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public Duration grace() {
        return grace;
    }
}
