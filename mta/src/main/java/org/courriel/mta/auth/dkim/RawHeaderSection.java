package org.courriel.mta.auth.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of a message exactly as they are, folding included, and where its body starts: what DKIM
 * signs. Bytes are read as ISO-8859-1, so every byte (UTF-8 ones too, RFC 6532) survives the round trip.
 *
 * @param fields    each field's text without its final CRLF, top to bottom
 * @param bodyStart the offset of the first body byte (after the empty line), or the length when there is no body
 */
record RawHeaderSection(List<String> fields, int bodyStart) {

    /** RFC 5322 §2.2: a field runs until a line that does not start with white space; an empty line ends them. */
    static RawHeaderSection parse(byte[] message) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = null;
        int i = 0;
        while (i < message.length) {
            int end = lineEnd(message, i);
            int next = end + (end + 1 < message.length && message[end] == '\r' && message[end + 1] == '\n' ? 2
                    : end < message.length ? 1 : 0);
            if (end == i) {
                if (field != null) {
                    fields.add(field.toString());
                }
                return new RawHeaderSection(List.copyOf(fields), next); // RFC 5322 §2.1: the empty line
            }
            String line = new String(message, i, end - i, StandardCharsets.ISO_8859_1);
            if ((message[i] == ' ' || message[i] == '\t') && field != null) {
                field.append("\r\n").append(line);
            } else {
                if (field != null) {
                    fields.add(field.toString());
                }
                field = new StringBuilder(line);
            }
            i = next;
        }
        if (field != null) {
            fields.add(field.toString());
        }
        return new RawHeaderSection(List.copyOf(fields), message.length);
    }

    private static int lineEnd(byte[] message, int from) {
        int i = from;
        while (i < message.length && message[i] != '\r' && message[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The field's name, as written. */
    static String name(String field) {
        int colon = field.indexOf(':');
        return (colon < 0 ? field : field.substring(0, colon)).strip();
    }

    /** How many fields have this name, compared without regard to case (RFC 5322 §1.2.2). */
    int count(String name) {
        return (int) fields.stream().filter(f -> name(f).equalsIgnoreCase(name)).count();
    }

    /** The values of the fields of this name, top to bottom. */
    List<String> values(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> name(f).toLowerCase(Locale.ROOT).equals(lower) && f.indexOf(':') >= 0)
                .map(f -> f.substring(f.indexOf(':') + 1)).toList();
    }
}
