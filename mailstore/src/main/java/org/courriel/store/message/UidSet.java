package org.courriel.store.message;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of UIDs as ascending, disjoint, inclusive ranges (the store's form of RFC 9051 §9 sequence-set
 * once a session has resolved '*' and sequence numbers).
 */
public final class UidSet {

    public static final UidSet ALL = new UidSet(List.of(new Range(1, Long.MAX_VALUE)));

    /** One inclusive range of UIDs. */
    public record Range(long low, long high) {
        public Range {
            if (low > high) {
                long t = low;
                low = high;
                high = t;
            }
        }
    }

    private final List<Range> ranges;

    private UidSet(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Normalises any ranges (overlapping, unordered) into a set. */
    public static UidSet of(List<Range> input) {
        List<Range> sorted = new ArrayList<>(input);
        sorted.sort((a, b) -> Long.compare(a.low(), b.low()));
        List<Range> merged = new ArrayList<>();
        for (Range r : sorted) {
            if (!merged.isEmpty()) {
                Range last = merged.get(merged.size() - 1);
                if (r.low() <= last.high() + 1 && last.high() != Long.MAX_VALUE) {
                    merged.set(merged.size() - 1, new Range(last.low(), Math.max(last.high(), r.high())));
                    continue;
                }
                if (last.high() == Long.MAX_VALUE) {
                    continue;
                }
            }
            merged.add(r);
        }
        return new UidSet(List.copyOf(merged));
    }

    public static UidSet of(long... uids) {
        List<Range> r = new ArrayList<>();
        for (long uid : uids) {
            r.add(new Range(uid, uid));
        }
        return of(r);
    }

    public static UidSet range(long low, long high) {
        return of(List.of(new Range(low, high)));
    }

    public List<Range> ranges() {
        return ranges;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(long uid) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Range r = ranges.get(mid);
            if (uid < r.low()) {
                hi = mid - 1;
            } else if (uid > r.high()) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Lowest UID in the set, or 0 when empty. */
    public long min() {
        return ranges.isEmpty() ? 0 : ranges.get(0).low();
    }

    /** Highest UID in the set, or 0 when empty. */
    public long max() {
        return ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).high();
    }

    /** The set in IMAP sequence-set syntax, e.g. {@code 1:3,7}; {@code *} never appears. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(r.low());
            if (r.high() != r.low()) {
                sb.append(':').append(r.high());
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UidSet other && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    /** Builds the compact set of a list of ascending UIDs. */
    public static UidSet ofSorted(List<Long> uids) {
        List<Range> r = new ArrayList<>();
        long start = -1;
        long prev = -1;
        for (long uid : uids) {
            if (start < 0) {
                start = uid;
            } else if (uid != prev + 1) {
                r.add(new Range(start, prev));
                start = uid;
            }
            prev = uid;
        }
        if (start >= 0) {
            r.add(new Range(start, prev));
        }
        return new UidSet(List.copyOf(r));
    }
}
