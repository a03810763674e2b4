package org.courriel.imap.protocol;

import java.util.List;


/**
 * The range of a PARTIAL return option (RFC 9394 §3.1): positions in the result, counted from 1 at the start
 * ({@code 1:100}) or from -1 at the end ({@code -1:-100}), the two ends in either order. Pure: parse, then
 * {@link #of(List)} picks the positions out of a result in its order.
 *
 * @param first the lower end, 1-based (negative for a range from the end)
 * @param last  the higher end in absolute value
 */
public record PartialRange(long first, long last) {

    public PartialRange {
        if (first == 0 || last == 0 || Long.signum(first) != Long.signum(last)) {
            throw new ImapSyntaxException("a PARTIAL range is two positive or two negative numbers");
        }
    }

    /** RFC 9394 §4: partial-range = partial-range-first / partial-range-last. */
    public static PartialRange parse(CommandParser args) {
        boolean negative = args.skip('-');
        long a = args.number();
        args.expect(':');
        if (args.skip('-') != negative) {
            throw new ImapSyntaxException("a PARTIAL range is two positive or two negative numbers");
        }
        long b = args.number();
        if (a == 0 || b == 0) {
            throw new ImapSyntaxException("PARTIAL positions start at 1");
        }
        long low = Math.min(a, b);
        long high = Math.max(a, b);
        return negative ? new PartialRange(-low, -high) : new PartialRange(low, high);
    }

    /** The elements of {@code result} at the range's positions, in the result's order; empty when none is there. */
    public <T> List<T> of(List<T> result) {
        int size = result.size();
        long from;
        long to;
        if (first > 0) {
            from = first - 1;
            to = Math.min(last, size);
        } else {
            // -1 is the last element: -low .. -high are size-high .. size-low
            from = Math.max(0, size + last);
            to = size + first + 1;
        }
        if (from >= to || from >= size || to <= 0) {
            return List.of();
        }
        return result.subList((int) from, (int) to);
    }

    @Override
    public String toString() {
        return first + ":" + last;
    }
}
