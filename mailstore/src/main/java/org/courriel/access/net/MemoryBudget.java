package org.courriel.access.net;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bytes of client input that the sessions of one protocol on this node may hold in memory at once: IMAP
 * literals, SMTP message content. A session reserves before it keeps bytes, so that many clients sending
 * large messages at the same moment cannot run the heap out, whatever each connection's own limit allows;
 * it waits at most the configured time for room and is then refused with a temporary error.
 * <p>
 * Counted in KiB so that budgets past 2 GiB fit a {@link Semaphore}; fair, so that a large reservation is not
 * starved by a stream of small ones.
 */
public class MemoryBudget {

    private static final long UNIT = 1024;

    private final Semaphore units;
    private final int totalUnits;
    private final Duration wait;

    public MemoryBudget(long bytes, Duration wait) {
        this.totalUnits = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / UNIT));
        this.units = new Semaphore(totalUnits, true);
        this.wait = wait;
    }

    /** Reserves {@code bytes}, waiting at most the configured time; false when there was no room. */
    public boolean reserve(long bytes) {
        int n = units(bytes);
        if (n == 0) {
            return true;
        }
        if (n > totalUnits) {
            return false;
        }
        try {
            return units.tryAcquire(n, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back what {@link #reserve} took for the same number of bytes. */
    public void release(long bytes) {
        int n = units(bytes);
        if (n > 0) {
            units.release(n);
        }
    }

    /** Bytes now reserved, rounded up to whole KiB (for gauges and tests). */
    public long inFlight() {
        return (long) (totalUnits - units.availablePermits()) * UNIT;
    }

    /** A reservation that grows with what one session keeps and is given back whole when it closes. */
    public Lease lease() {
        return new Lease(this);
    }

    /**
     * What one session holds of the budget, grown in steps so that a session reading a large message takes the
     * semaphore a few times, not once per block. Used by one thread at a time.
     */
    public static final class Lease implements AutoCloseable {

        /** Small enough that hundreds of slow sessions each holding a step cannot take the budget alone. */
        private static final long STEP = 64 * 1024;

        private final MemoryBudget budget;
        private long reserved;

        private Lease(MemoryBudget budget) {
            this.budget = budget;
        }

        /** Makes sure at least {@code bytes} are reserved; false when the budget had no room in time. */
        public boolean cover(long bytes) {
            if (bytes <= reserved) {
                return true;
            }
            long more = Math.max(STEP, bytes - reserved);
            if (!budget.reserve(more)) {
                return false;
            }
            reserved += more;
            return true;
        }

        /** Bytes this lease holds. */
        public long reserved() {
            return reserved;
        }

        @Override
        public void close() {
            budget.release(reserved);
            reserved = 0;
        }
    }

    private static int units(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, bytes / UNIT + (bytes % UNIT == 0 ? 0 : 1));
    }
}
