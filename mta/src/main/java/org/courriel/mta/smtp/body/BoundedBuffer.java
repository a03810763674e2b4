package org.courriel.mta.smtp.body;

import java.io.ByteArrayOutputStream;

import org.courriel.access.net.MemoryBudget;

/**
 * Collects content up to a limit, then only counts: a too-big message never grows memory past the limit.
 * What it keeps is covered by a lease on the node's content budget first; when the budget has no room the
 * content is dropped and only counted from then on, so the session can refuse it as temporary.
 */
final class BoundedBuffer {

    private final long limit;
    private final MemoryBudget.Lease lease;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    private long size;
    private boolean overBudget;

    /** @param lease the budget that what is kept must fit, or null for none (framing tests) */
    BoundedBuffer(long limit, MemoryBudget.Lease lease) {
        this.limit = limit;
        this.lease = lease;
    }

    void write(int b) {
        size++;
        if (size <= limit && covered(size)) {
            bytes.write(b);
        }
    }

    void write(byte[] b, int off, int len) {
        long room = Math.max(0, limit - size);
        size += len;
        int keep = (int) Math.min(room, len);
        if (keep > 0 && covered(size - len + keep)) {
            bytes.write(b, off, keep);
        }
    }

    /** Whether {@code kept} bytes fit the lease; the first refusal drops what was kept. */
    private boolean covered(long kept) {
        if (overBudget) {
            return false;
        }
        if (lease == null || lease.cover(kept)) {
            return true;
        }
        overBudget = true;
        bytes = new ByteArrayOutputStream(0);
        return false;
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
        return tooBig() || overBudget ? new byte[0] : bytes.toByteArray();
    }
}
