package org.courriel.mta.auth.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A received message split into its header fields, each exactly as received (folding kept, one byte a
 * character in ISO-8859-1 so that 8-bit octets survive), and the offset of its body: what DKIM verification
 * (RFC 6376 §3.4) and DMARC's From (RFC 7489 §6.6.1) read. Pure.
 */
public final class InboundMessage {

    /** One header field as received, without its final CRLF. */
    public record Field(String raw) {

        /** The field name as written. */
        public String name() {
            int colon = raw.indexOf(':');
            return colon < 0 ? raw.strip() : raw.substring(0, colon).strip();
        }

        public boolean is(String name) {
            return name().equalsIgnoreCase(name);
        }

        /** What follows the colon, unfolded (RFC 5322 §2.2.3). */
        public String value() {
            int colon = raw.indexOf(':');
            return colon < 0 ? "" : raw.substring(colon + 1).replace("\r\n", "").strip();
        }
    }

    private final byte[] bytes;
    private final List<Field> fields;
    private final int bodyOffset;

    private InboundMessage(byte[] bytes, List<Field> fields, int bodyOffset) {
        this.bytes = bytes;
        this.fields = fields;
        this.bodyOffset = bodyOffset;
    }

    /** Splits at the first empty line (RFC 5322 §2.1); a message without one is all header, with no body. */
    public static InboundMessage parse(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        List<Field> fields = new ArrayList<>();
        int pos = 0;
        int body = message.length;
        StringBuilder current = null;
        while (pos < text.length()) {
            int eol = text.indexOf("\r\n", pos);
            int end = eol < 0 ? text.length() : eol;
            String line = text.substring(pos, end);
            int next = eol < 0 ? text.length() : eol + 2;
            if (line.isEmpty()) {
                body = next;
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append("\r\n").append(line); // a continuation line of the field above
            } else {
                if (current != null) {
                    fields.add(new Field(current.toString()));
                }
                current = new StringBuilder(line);
            }
            pos = next;
        }
        if (current != null) {
            fields.add(new Field(current.toString()));
        }
        return new InboundMessage(message, List.copyOf(fields), Math.min(body, message.length));
    }

    public List<Field> fields() {
        return fields;
    }

    /** The fields of that name, top to bottom. */
    public List<Field> fields(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).equals(lower)).toList();
    }

    /** The body's bytes as received (after the empty line). */
    public byte[] body() {
        return java.util.Arrays.copyOfRange(bytes, bodyOffset, bytes.length);
    }
}
