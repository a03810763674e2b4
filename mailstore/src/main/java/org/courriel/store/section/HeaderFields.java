package org.courriel.store.section;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Selects header fields by name from an exact header section (RFC 9051 §6.4.5.1 HEADER.FIELDS and
 * HEADER.FIELDS.NOT), keeping each field's bytes, folding and line ends as stored.
 *
 * <p>A first sync asks this of every message in the mailbox, so the names are compared as bytes where they lie:
 * no string, lower-cased copy or set entry is made per field (that was a quarter of the header fetch's CPU).
 */
final class HeaderFields {

    private HeaderFields() {
    }

    /**
     * The fields whose name is (or, with {@code exclude}, is not) in {@code names}, in message order, then the
     * blank line that ends the header when it has one. Names match case-insensitively (ISO-8859-1 letters, as
     * the stored octets are read).
     *
     * @param length how many octets of {@code header} are the header section
     * @param names  an unmodifiable list (as {@link SectionSpec#fieldNames()} is): its lower-cased form is
     *               remembered for the next message by the list's identity
     */
    static byte[] select(byte[] header, int length, List<String> names, boolean exclude) {
        byte[][] wanted = lowerCaseNames(names);
        byte[] out = new byte[length];
        int written = 0;
        int i = 0;
        while (i < length) {
            int lineEnd = lineEnd(header, i, length);
            if (isBlankLine(header, i, lineEnd)) {
                // RFC 9051 §6.4.5.1: "Subsetting does not exclude the [RFC5322] delimiting blank line".
                System.arraycopy(header, i, out, written, lineEnd - i);
                written += lineEnd - i;
                break;
            }
            int fieldEnd = lineEnd;
            while (fieldEnd < length && (header[fieldEnd] == ' ' || header[fieldEnd] == '\t')) {
                fieldEnd = lineEnd(header, fieldEnd, length); // RFC 5322 §2.2.3: a folded continuation line
            }
            int colon = colon(header, i, lineEnd);
            if (colon >= 0 && named(header, i, colon, wanted) != exclude) {
                System.arraycopy(header, i, out, written, fieldEnd - i);
                written += fieldEnd - i;
            }
            i = fieldEnd;
        }
        return written == out.length ? out : Arrays.copyOf(out, written);
    }

    /** {@link #select(byte[], int, List, boolean)} over all of {@code header}. */
    static byte[] select(byte[] header, List<String> names, boolean exclude) {
        return select(header, header.length, names, exclude);
    }

    /** The names of the last selection, lower-cased: one FETCH asks the same names of every message. */
    private record LowerCaseNames(List<String> names, byte[][] lower) {
    }

    private static volatile LowerCaseNames last = new LowerCaseNames(List.of(), new byte[0][]);

    /**
     * The names lower-cased as ISO-8859-1 octets, remembered for the same list: SectionSpec's names are an
     * unmodifiable list parsed once per FETCH, so identity tells that it is the same selection again.
     */
    private static byte[][] lowerCaseNames(List<String> names) {
        LowerCaseNames memo = last;
        if (memo.names() != names) {
            memo = new LowerCaseNames(names, lowerCase(names));
            last = memo;
        }
        return memo.lower();
    }

    /**
     * A name with a character beyond ISO-8859-1 can match no stored field name, so it is left out (for
     * HEADER.FIELDS.NOT that excludes nothing, as it should).
     */
    private static byte[][] lowerCase(List<String> names) {
        byte[][] lower = new byte[names.size()][];
        int n = 0;
        for (String name : names) {
            String folded = name.toLowerCase(Locale.ROOT);
            if (folded.chars().allMatch(c -> c <= 0xFF)) {
                lower[n++] = folded.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return n == lower.length ? lower : Arrays.copyOf(lower, n);
    }

    /**
     * Whether the field name in {@code [from, colon)} (RFC 5322 §3.6.8, blanks around it tolerated as
     * obsolete syntax allows) is one of {@code wanted}.
     */
    private static boolean named(byte[] b, int from, int colon, byte[][] wanted) {
        int start = from;
        int end = colon;
        while (start < end && Character.isWhitespace((char) (b[start] & 0xFF))) {
            start++;
        }
        while (end > start && Character.isWhitespace((char) (b[end - 1] & 0xFF))) {
            end--;
        }
        int len = end - start;
        for (byte[] name : wanted) {
            if (name.length == len && equalsIgnoreCase(b, start, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsIgnoreCase(byte[] b, int from, byte[] lowerName) {
        for (int k = 0; k < lowerName.length; k++) {
            byte c = b[from + k];
            if (c != lowerName[k] && (byte) Character.toLowerCase((char) (c & 0xFF)) != lowerName[k]) {
                return false;
            }
        }
        return true;
    }

    /** The index just past the line starting at {@code from}, its line end included. */
    private static int lineEnd(byte[] b, int from, int length) {
        for (int i = from; i < length; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return length;
    }

    private static boolean isBlankLine(byte[] b, int from, int to) {
        int len = to - from;
        return (len == 1 && b[from] == '\n') || (len == 2 && b[from] == '\r' && b[from + 1] == '\n');
    }

    /** The index of the colon that ends the field name on the field's first line, or -1. */
    private static int colon(byte[] b, int from, int lineEnd) {
        for (int i = from; i < lineEnd; i++) {
            if (b[i] == ':') {
                return i;
            }
        }
        return -1;
    }
}
