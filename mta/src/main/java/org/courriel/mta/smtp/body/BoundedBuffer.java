package org.courriel.mta.smtp.body;

import java.util.Arrays;

import org.courriel.access.net.BufferedInput;
import org.courriel.access.net.MemoryBudget;

/**
 * Collects content up to a limit, then only counts: a too-big message never grows memory past the limit.
 * What it keeps is covered by a lease on the node's content budget first; when the budget has no room the
 * content is dropped and only counted from then on, so the session can refuse it as temporary.
 * <p>
 * DATA arrives here a line's run at a time and its line ends byte by byte ({@link DotTerminatedReader}), so the
 * bytes go into a plain array that one session owns: a {@code ByteArrayOutputStream} takes its lock for every
 * byte (6 % of the ingest bench's CPU samples), and the lease is asked only past what it covers already.
 */
final class BoundedBuffer implements BufferedInput.Sink {

    private static final int INITIAL = 8192;
    /** The longest array a JVM allocates reliably. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final long limit;
    private final MemoryBudget.Lease lease;
    private byte[] bytes = new byte[INITIAL];
    /** Bytes kept in {@link #bytes}. */
    private int kept;
    /** Bytes the lease covers already. */
    private long covered;
    private long size;
    private boolean overBudget;

    /** @param lease the budget that what is kept must fit, or null for none (framing tests) */
    BoundedBuffer(long limit, MemoryBudget.Lease lease) {
        this.limit = limit;
        this.lease = lease;
    }

    void write(int b) {
        size++;
        if (size <= limit && room(kept + 1)) {
            bytes[kept++] = (byte) b;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        long room = Math.max(0, limit - size);
        size += len;
        int keep = (int) Math.min(room, len);
        if (keep > 0 && room((long) kept + keep)) {
            System.arraycopy(b, off, bytes, kept, keep);
            kept += keep;
        }
    }

    /**
     * Whether {@code needed} bytes can be kept: the lease is asked only past what it covers already (it reserves
     * in steps), the array grows by doubling, never past the limit; the first refusal drops what was kept.
     */
    private boolean room(long needed) {
        if (overBudget) {
            return false;
        }
        if (needed > covered) {
            if (lease != null && !lease.cover(needed)) {
                overBudget = true;
                bytes = new byte[0];
                kept = 0;
                return false;
            }
            covered = lease == null ? Long.MAX_VALUE : lease.reserved();
        }
        if (needed > bytes.length) {
            long grown = Math.min((long) bytes.length * 2, Math.min(limit, MAX_ARRAY));
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, grown));
        }
        return true;
    }

    long size() {
        return size;
    }

    boolean tooBig() {
        return size > limit;
    }

    /** The node's content budget had no room for this message: refuse it as temporary (452 4.3.1). */
    boolean overBudget() {
        return overBudget;
    }

    byte[] content() {
        return tooBig() || overBudget ? new byte[0] : Arrays.copyOf(bytes, kept);
    }
}
