package org.courriel.imap.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence-set as the client wrote it (RFC 9051 §9): ranges of numbers where {@link #STAR} stands for
 * '*', the largest number in use, or {@code $}: the saved search result (RFC 5182 §2.1, {@link #SAVED}). The
 * session resolves it to UIDs.
 *
 * @param saved whether this is {@code $} (then {@code ranges} is empty)
 */
public record SequenceSet(List<Range> ranges, boolean saved) {

    /** RFC 5182 §3: seq-number-set =/ "$", the last result of a SEARCH RETURN (SAVE). */
    public static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    /** '*': the highest sequence number or UID in the mailbox. */
    public static final long STAR = Long.MAX_VALUE;

    /** One range; low may be greater than high as written, as RFC 9051 §9 allows ("4:2"). */
    public record Range(long low, long high) {
        public Range {
            if (low > high) {
                long t = low;
                low = high;
                high = t;
            }
        }

        /** The range with '*' replaced by {@code star}, ordered again. */
        public Range resolve(long star) {
            return new Range(low == STAR ? star : low, high == STAR ? star : high);
        }
    }

    public SequenceSet {
        ranges = List.copyOf(ranges);
    }

    public SequenceSet(List<Range> ranges) {
        this(ranges, false);
    }

    /** Parses {@code 1,3:5,7:*}; throws on anything else. */
    public static SequenceSet parse(String text) {
        if (text.isEmpty()) {
            throw new ImapSyntaxException("empty sequence set");
        }
        if (text.equals("$")) {
            return SAVED;
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                long n = number(part);
                ranges.add(new Range(n, n));
            } else {
                ranges.add(new Range(number(part.substring(0, colon)), number(part.substring(colon + 1))));
            }
        }
        return new SequenceSet(ranges);
    }

    private static long number(String s) {
        if (s.equals("*")) {
            return STAR;
        }
        if (s.isEmpty() || s.length() > 10) {
            throw new ImapSyntaxException("bad sequence number: " + s);
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new ImapSyntaxException("bad sequence number: " + s);
            }
            n = n * 10 + (c - '0');
        }
        // RFC 9051 §9: seq-number = nz-number / "*", nz-number fits in 32 bits
        if (n == 0 || n > 0xFFFFFFFFL) {
            throw new ImapSyntaxException("sequence number out of range: " + s);
        }
        return n;
    }
}
