package org.courriel.imap.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.courriel.imap.protocol.SequenceSet;
import org.courriel.store.message.UidSet;

/**
 * The session's map of message sequence numbers to UIDs (RFC 9051 §2.3.1.2). To keep thousands of sessions
 * on one large mailbox small, the ascending UIDs at SELECT time are a {@code base} array shared read-only by
 * every session that selected the same state ({@link UidSnapshots}); each session keeps only its own changes
 * since: the base positions it removed and the UIDs it appended. Past {@link #COMPACT_AT} changes the session
 * folds them into a private array. Sequence number n is the n-th UID of (base minus removed) then added.
 */
public final class MessageSequence {

    /** Changes kept as deltas before the session copies the UIDs into its own array. */
    static final int COMPACT_AT = 256;

    private long[] base;
    private int baseCount;
    /** Ascending positions in {@code base} that were expunged. */
    private int[] removed = new int[0];
    /** Ascending UIDs above every base UID, appended since. */
    private long[] added = new long[0];
    private int addedCount;

    /**
     * The search result variable (RFC 5182 §2.1) as UIDs: an expunged message leaves it by itself, since an
     * expunged UID names nothing; empty when the mailbox is selected.
     */
    private UidSet savedResult = UidSet.of();

    /** SEARCH RETURN (SAVE) sets the variable (RFC 5182 §2.1); a SAVE that fails sets it empty. */
    public void saveResult(UidSet uids) {
        savedResult = uids;
    }

    /** A map over a shared array that must never be written to. */
    public MessageSequence(long[] ascendingUids) {
        this.base = ascendingUids;
        this.baseCount = ascendingUids.length;
    }

    public int size() {
        return baseCount - removed.length + addedCount;
    }

    private int baseSize() {
        return baseCount - removed.length;
    }

    /** The UID of sequence number {@code seq} (1-based). */
    public long uid(int seq) {
        int i = seq - 1;
        if (i >= baseSize()) {
            return added[i - baseSize()];
        }
        return base[basePosition(i)];
    }

    /** The base position of the i-th surviving base UID (0-based). */
    private int basePosition(int i) {
        int j = i;
        for (int r : removed) {
            if (r <= j) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    public long maxUid() {
        if (addedCount > 0) {
            return added[addedCount - 1];
        }
        return baseSize() == 0 ? 0 : uid(baseSize());
    }

    /** The sequence number of a UID, or 0 when the session does not know it. */
    public int seqOf(long uid) {
        int k = Arrays.binarySearch(added, 0, addedCount, uid);
        if (k >= 0) {
            return baseSize() + k + 1;
        }
        int j = Arrays.binarySearch(base, 0, baseCount, uid);
        if (j < 0) {
            return 0;
        }
        int r = Arrays.binarySearch(removed, j);
        if (r >= 0) {
            return 0;
        }
        int removedBefore = -r - 1;
        return j - removedBefore + 1;
    }

    /** Appends a UID above every known one; returns false when it is not new. */
    public boolean add(long uid) {
        if (uid <= maxUid() || (addedCount == 0 && baseCount > 0 && uid <= base[baseCount - 1])) {
            return false;
        }
        if (addedCount == added.length) {
            added = Arrays.copyOf(added, Math.max(8, addedCount * 2));
        }
        added[addedCount++] = uid;
        compactIfLarge();
        return true;
    }

    /**
     * Removes the UIDs the session knows and returns their sequence numbers in the order EXPUNGE responses
     * must carry them: descending, so each number is still right when the client applies it.
     */
    public int[] remove(Iterable<Long> expunged) {
        List<Integer> seqs = new ArrayList<>();
        List<Integer> basePositions = new ArrayList<>();
        List<Long> addedUids = new ArrayList<>();
        for (long uid : expunged) {
            int seq = seqOf(uid);
            if (seq == 0 || seqs.contains(seq)) {
                continue;
            }
            seqs.add(seq);
            if (seq > baseSize()) {
                addedUids.add(uid);
            } else {
                basePositions.add(Arrays.binarySearch(base, 0, baseCount, uid));
            }
        }
        if (seqs.isEmpty()) {
            return new int[0];
        }
        if (!basePositions.isEmpty()) {
            int[] merged = Arrays.copyOf(removed, removed.length + basePositions.size());
            for (int k = 0; k < basePositions.size(); k++) {
                merged[removed.length + k] = basePositions.get(k);
            }
            Arrays.sort(merged);
            removed = merged;
        }
        if (!addedUids.isEmpty()) {
            int w = 0;
            for (int r = 0; r < addedCount; r++) {
                if (!addedUids.contains(added[r])) {
                    added[w++] = added[r];
                }
            }
            addedCount = w;
        }
        compactIfLarge();
        return seqs.stream().sorted((a, b) -> Integer.compare(b, a)).mapToInt(Integer::intValue).toArray();
    }

    /** Folds the deltas into a private array once they are no longer small. */
    private void compactIfLarge() {
        if (removed.length + addedCount < COMPACT_AT) {
            return;
        }
        long[] own = new long[size()];
        for (int seq = 1; seq <= own.length; seq++) {
            own[seq - 1] = uid(seq);
        }
        base = own;
        baseCount = own.length;
        removed = new int[0];
        added = new long[0];
        addedCount = 0;
    }

    /**
     * The UIDs a sequence set names, as the store's set. With {@code byUid}, '*' is the highest known UID
     * and numbers are UIDs; otherwise '*' is the message count and numbers are sequence numbers. Only UIDs
     * the session knows are named, so callers filter the store's answer with {@link #seqOf(long)}.
     */
    public UidSet resolve(SequenceSet set, boolean byUid) {
        if (set.saved()) {
            // RFC 5182 §2.1: "$" names the saved messages whether the command takes UIDs or sequence numbers
            return savedResult;
        }
        List<UidSet.Range> ranges = new ArrayList<>();
        int count = size();
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
                    ranges.add(new UidSet.Range(uid((int) low), uid((int) high)));
                }
            }
        }
        return UidSet.of(ranges);
    }

    /**
     * Whether every sequence number in the set exists (a number past the last message is BAD). A range with
     * '*' is always acceptable ("5:*" with 3 messages names message 3, "1:*" in an empty mailbox nothing), as
     * clients rely on it.
     */
    public boolean validSequence(SequenceSet set) {
        if (set.saved()) {
            return true; // RFC 5182 §2.1: even empty, "$" is a valid set that names nothing
        }
        int count = size();
        for (SequenceSet.Range r : set.ranges()) {
            if (r.high() != SequenceSet.STAR && r.high() > count) {
                return false;
            }
        }
        return true;
    }

    /** The UIDs of a store set that the session knows, ascending. */
    public long[] knownUids(UidSet set) {
        long[] found = new long[Math.min(size(), 1024)];
        int n = 0;
        for (UidSet.Range r : set.ranges()) {
            int from = Arrays.binarySearch(base, 0, baseCount, r.low());
            from = from < 0 ? -from - 1 : from;
            for (int i = from; i < baseCount && base[i] <= r.high(); i++) {
                if (Arrays.binarySearch(removed, i) >= 0) {
                    continue;
                }
                if (n == found.length) {
                    found = Arrays.copyOf(found, found.length * 2);
                }
                found[n++] = base[i];
            }
            for (int k = 0; k < addedCount; k++) {
                if (added[k] >= r.low() && added[k] <= r.high()) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, found.length * 2);
                    }
                    found[n++] = added[k];
                }
            }
        }
        long[] result = Arrays.copyOf(found, n);
        Arrays.sort(result);
        return result;
    }
}
