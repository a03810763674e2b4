package org.courriel.imap.session;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.courriel.imap.config.ImapProperties;
import org.courriel.imap.protocol.CommandReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The literal bytes all IMAP sessions of this node (both listeners) may hold at once. A literal is admitted
 * before its first byte is read, so that many clients announcing large APPENDs at the same moment cannot
 * run the heap out; a session waits at most {@code courriel.imap.literal-budget-wait} for room, then its
 * literal is refused (NO [UNAVAILABLE] when synchronizing). Counted in KiB so that budgets past 2 GiB fit a
 * {@link Semaphore}; fair, so that a large literal is not starved by a stream of small ones.
 */
@Component
public class LiteralBudget implements CommandReader.Budget {

    private static final long UNIT = 1024;

    private final Semaphore units;
    private final int totalUnits;
    private final Duration wait;

    @Autowired
    public LiteralBudget(ImapProperties properties) {
        this(properties.literalBudget(), properties.literalBudgetWait());
    }

    LiteralBudget(long bytes, Duration wait) {
        this.totalUnits = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / UNIT));
        this.units = new Semaphore(totalUnits, true);
        this.wait = wait;
    }

    @Override
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

    @Override
    public void release(long bytes) {
        int n = units(bytes);
        if (n > 0) {
            units.release(n);
        }
    }

    /** Bytes now reserved, rounded up to whole KiB (for the gauge and tests). */
    public long inFlight() {
        return (long) (totalUnits - units.availablePermits()) * UNIT;
    }

    private static int units(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, bytes / UNIT + (bytes % UNIT == 0 ? 0 : 1));
    }
}
