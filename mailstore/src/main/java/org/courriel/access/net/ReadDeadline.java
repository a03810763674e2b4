package org.courriel.access.net;

import java.time.Duration;

/**
 * A total time limit on a run of reads, on top of the socket's per-read idle timeout, which a client resets
 * with every byte it sends. The limit is a budget, optionally started by the first byte that arrives, and
 * grown by every byte read at a minimum rate, as Postfix's {@code smtpd_per_request_deadline} with
 * {@code smtpd_min_data_rate} does: a slow but steady transfer of a big message gets its time, a dribble does
 * not. One per connection, set and checked by the session's thread; the {@link WriteWatchdog} reads
 * {@link #overdueBy} as a backstop for reads the stream cannot cut (inside a TLS record).
 */
final class ReadDeadline {

    private static final long NONE = Long.MIN_VALUE;

    /** The deadline for other threads: {@link #NONE} while none runs. */
    private volatile long published = NONE;

    private boolean active;
    private boolean waitingForFirstByte;
    private long budgetNanos;
    private long nanosPerByte;
    private long deadline;

    /**
     * @param budget         time for the whole run of reads
     * @param bytesPerSecond each byte read this fast adds its time to the budget; 0 adds nothing
     * @param fromFirstByte  start counting when the first byte arrives, not now (waiting for a command stays
     *                       under the idle timeout alone)
     */
    void start(Duration budget, long bytesPerSecond, boolean fromFirstByte) {
        active = true;
        waitingForFirstByte = fromFirstByte;
        budgetNanos = budget.toNanos();
        nanosPerByte = bytesPerSecond > 0 ? Math.max(1, 1_000_000_000L / bytesPerSecond) : 0;
        deadline = System.nanoTime() + budgetNanos;
        published = fromFirstByte ? NONE : deadline;
    }

    void clear() {
        active = false;
        published = NONE;
    }

    /**
     * A read starts while the deadline waits for its first byte. Under TLS the stream sees no byte before a
     * whole record has arrived, which a client can dribble: for the watchdog, the deadline is then at the
     * latest the budget after the idle timeout from now (the first byte must come within that timeout).
     */
    void waiting(long idleNanos) {
        if (active && waitingForFirstByte && published == NONE) {
            published = System.nanoTime() + idleNanos + budgetNanos;
        }
    }

    /** Whether a running deadline passed more than {@code marginNanos} before {@code now} (any thread). */
    boolean overdueBy(long marginNanos, long now) {
        long d = published;
        return d != NONE && now - d > marginNanos;
    }

    /** Whether a deadline is running now (set, and its first byte seen if it waits for one). */
    boolean running() {
        return active && !waitingForFirstByte;
    }

    /** Nanoseconds left before the deadline; zero or less once it has passed. */
    long remainingNanos() {
        return deadline - System.nanoTime();
    }

    /** {@code n} bytes arrived: starts a deadline that waited for them, or extends a running one at the rate. */
    void received(int n) {
        if (!active) {
            return;
        }
        if (waitingForFirstByte) {
            waitingForFirstByte = false;
            deadline = System.nanoTime() + budgetNanos;
        }
        deadline += nanosPerByte * n;
        published = deadline;
    }
}
