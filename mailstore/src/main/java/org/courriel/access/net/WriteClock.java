package org.courriel.access.net;

/**
 * When the connection's current socket write began, for the {@link WriteWatchdog}. Blocking sockets have no
 * write timeout in Java: a client that stops reading blocks a write for ever once the TCP buffers are full, so
 * every write is timed here and the watchdog closes the socket of one that has been blocked too long.
 */
final class WriteClock {

    private static final long IDLE = 0;

    private volatile long since = IDLE;

    /** A write to the socket starts. */
    void begin() {
        long now = System.nanoTime();
        since = now == IDLE ? 1 : now;
    }

    /** The write returned (or failed). */
    void end() {
        since = IDLE;
    }

    /** Whether a write has been blocked for longer than {@code limitNanos} at {@code now}. */
    boolean blockedLongerThan(long limitNanos, long now) {
        long started = since;
        return started != IDLE && now - started > limitNanos;
    }
}
