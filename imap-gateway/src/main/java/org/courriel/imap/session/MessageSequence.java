package org.courriel.imap.session;

import java.util.Arrays;

import org.courriel.imap.protocol.SequenceSet;
import org.courriel.store.message.UidSet;

/**
 * The session's map of message sequence numbers to UIDs (RFC 9051 §2.3.1.2): a compact ascending long[]
 * of the UIDs the client has been told about. New UIDs are appended, expunged ones removed, so sequence
 * number n is always {@code uids[n - 1]}.
 */
public final class MessageSequence {

    private long[] uids;
    private int count;

    public MessageSequence(long[] ascendingUids) {
        this.uids = ascendingUids;
        this.count = ascendingUids.length;
    }

    public int size() {
        return count;
    }

    /** The UID of sequence number {@code seq} (1-based). */
    public long uid(int seq) {
        return uids[seq - 1];
    }

    public long maxUid() {
        return count == 0 ? 0 : uids[count - 1];
    }

    /** The sequence number of a UID, or 0 when the session does not know it. */
    public int seqOf(long uid) {
        int i = Arrays.binarySearch(uids, 0, count, uid);
        return i < 0 ? 0 : i + 1;
    }

    /** Appends a UID above every known one; returns false when it is not new. */
    public boolean add(long uid) {
        if (uid <= maxUid()) {
            return false;
        }
        if (count == uids.length) {
            uids = Arrays.copyOf(uids, Math.max(16, count + (count >> 1)));
        }
        uids[count++] = uid;
        return true;
    }

    /**
     * Removes the UIDs the session knows and returns their sequence numbers in the order EXPUNGE responses
     * must carry them: descending, so each number is still right when the client applies it.
     */
    public int[] remove(Iterable<Long> expunged) {
        int[] seqs = new int[count];
        int n = 0;
        for (long uid : expunged) {
            int seq = seqOf(uid);
            if (seq > 0) {
                seqs[n++] = seq;
                uids[seq - 1] = -1;
            }
        }
        if (n == 0) {
            return new int[0];
        }
        int w = 0;
        for (int r = 0; r < count; r++) {
            if (uids[r] != -1) {
                uids[w++] = uids[r];
            }
        }
        count = w;
        int[] result = Arrays.copyOf(seqs, n);
        Arrays.sort(result);
        for (int i = 0; i < n / 2; i++) {
            int t = result[i];
            result[i] = result[n - 1 - i];
            result[n - 1 - i] = t;
        }
        return result;
    }

    /**
     * The UIDs a sequence set names, as the store's set. With {@code byUid}, '*' is the highest known UID
     * and numbers are UIDs; otherwise '*' is the message count and numbers are sequence numbers. Only UIDs
     * the session knows are named, so callers filter the store's answer with {@link #seqOf(long)}.
     */
    public UidSet resolve(SequenceSet set, boolean byUid) {
        java.util.List<UidSet.Range> ranges = new java.util.ArrayList<>();
        if (byUid) {
            long star = maxUid();
            for (SequenceSet.Range r : set.ranges()) {
                SequenceSet.Range resolved = r.resolve(star);
                if (resolved.low() > 0) {
                    ranges.add(new UidSet.Range(resolved.low(), resolved.high()));
                }
            }
        } else {
            for (SequenceSet.Range r : set.ranges()) {
                SequenceSet.Range resolved = r.resolve(count);
                long low = Math.max(1, resolved.low());
                long high = Math.min(count, resolved.high());
                if (low <= high) {
                    ranges.add(new UidSet.Range(uids[(int) low - 1], uids[(int) high - 1]));
                }
            }
        }
        return UidSet.of(ranges);
    }

    /** Whether every sequence number in the set exists (RFC 9051 §6.4.8: a bad number is BAD). */
    public boolean validSequence(SequenceSet set) {
        for (SequenceSet.Range r : set.ranges()) {
            for (long n : new long[] {r.low(), r.high()}) {
                if (n == SequenceSet.STAR ? count == 0 : n > count) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The known UIDs in a store set, as a store set again (drops UIDs the session was not told about). */
    public long[] knownUids(UidSet set) {
        long[] found = new long[Math.min(count, 1024)];
        int n = 0;
        for (UidSet.Range r : set.ranges()) {
            int from = Arrays.binarySearch(uids, 0, count, r.low());
            from = from < 0 ? -from - 1 : from;
            for (int i = from; i < count && uids[i] <= r.high(); i++) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, found.length * 2);
                }
                found[n++] = uids[i];
            }
        }
        return Arrays.copyOf(found, n);
    }
}
