package org.courriel.store.section;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Selects header fields by name from an exact header section (RFC 9051 §6.4.5.1 HEADER.FIELDS and
 * HEADER.FIELDS.NOT), keeping each field's bytes, folding and line ends as stored.
 */
final class HeaderFields {

    private HeaderFields() {
    }

    /**
     * The fields whose name is (or, with {@code exclude}, is not) in {@code names}, in message order, then the
     * blank line that ends the header when it has one. Names match ASCII case-insensitively.
     */
    static byte[] select(byte[] header, List<String> names, boolean exclude) {
        Set<String> wanted = new HashSet<>();
        for (String name : names) {
            wanted.add(name.toLowerCase(Locale.ROOT));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < header.length) {
            int lineEnd = lineEnd(header, i);
            if (isBlankLine(header, i, lineEnd)) {
                // RFC 9051 §6.4.5.1: "Subsetting does not exclude the [RFC5322] delimiting blank line".
                out.write(header, i, lineEnd - i);
                break;
            }
            int fieldEnd = lineEnd;
            while (fieldEnd < header.length && (header[fieldEnd] == ' ' || header[fieldEnd] == '\t')) {
                fieldEnd = lineEnd(header, fieldEnd); // RFC 5322 §2.2.3: a folded continuation line
            }
            String name = fieldName(header, i, fieldEnd);
            if (name != null && wanted.contains(name) != exclude) {
                out.write(header, i, fieldEnd - i);
            }
            i = fieldEnd;
        }
        return out.toByteArray();
    }

    /** The index just past the line starting at {@code from}, its line end included. */
    private static int lineEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return b.length;
    }

    private static boolean isBlankLine(byte[] b, int from, int to) {
        int len = to - from;
        return (len == 1 && b[from] == '\n') || (len == 2 && b[from] == '\r' && b[from + 1] == '\n');
    }

    /** The lower-case field name (RFC 5322 §3.6.8: up to the colon, trailing blanks tolerated), or null. */
    private static String fieldName(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == ':') {
                return new String(b, from, i - from, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .strip().toLowerCase(Locale.ROOT);
            }
            if (b[i] == '\n') {
                return null;
            }
        }
        return null;
    }
}
