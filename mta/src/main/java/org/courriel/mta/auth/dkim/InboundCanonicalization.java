package org.courriel.mta.auth.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The canonicalization algorithms of RFC 6376 §3.4 as a verifier applies them to the bytes as received
 * (header fields as ISO-8859-1 strings: one character an octet). Pure.
 */
public final class InboundCanonicalization {

    private InboundCanonicalization() {
    }

    /** §3.4.1 simple, §3.4.2 relaxed: one header field (without its CRLF), canonicalized, with a final CRLF. */
    public static String header(String field, boolean relaxed) {
        if (!relaxed) {
            return field + "\r\n";
        }
        int colon = field.indexOf(':');
        if (colon < 0) {
            colon = field.length(); // a line that is no header field (a client's mistake): all name
            field = field + ":";
        }
        String name = field.substring(0, colon).replaceAll("[ \t]+$", "").toLowerCase(Locale.ROOT);
        // Only SP and HTAB are whitespace here; the value keeps any other octet.
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ")
                .replaceAll("^ | $", "");
        return name + ":" + value + "\r\n";
    }

    /** §3.4.3 simple, §3.4.4 relaxed (with erratum 1384: an empty body is empty under relaxed). */
    public static byte[] body(byte[] body, boolean relaxed) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length());
        if (relaxed) {
            String[] lines = text.split("\r\n", -1);
            int last = lines.length;
            // A body not ending in CRLF has a last line of its own.
            for (int i = 0; i < last; i++) {
                String line = lines[i];
                if (i == last - 1 && line.isEmpty()) {
                    break; // the split after the final CRLF
                }
                out.append(line.replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
            }
        } else {
            out.append(text);
            if (!text.endsWith("\r\n")) {
                out.append("\r\n");
            }
        }
        // Both: empty lines at the end are dropped, one CRLF ends the body.
        int end = out.length();
        while (end >= 4 && out.substring(end - 4, end).equals("\r\n\r\n")) {
            end -= 2;
        }
        out.setLength(end);
        if (out.toString().equals("\r\n")) {
            return relaxed ? new byte[0] : "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(out.length());
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        return bytes.toByteArray();
    }

    /**
     * The DKIM-Signature field with the value of its {@code b=} tag removed, all else as it was (§3.7): what is
     * hashed last, without a final CRLF.
     */
    public static String withoutSignature(String field) {
        int colon = field.indexOf(':');
        int pos = colon + 1;
        while (pos < field.length()) {
            int semicolon = field.indexOf(';', pos);
            int end = semicolon < 0 ? field.length() : semicolon;
            String spec = field.substring(pos, end);
            int eq = spec.indexOf('=');
            if (eq > 0 && spec.substring(0, eq).replace("\r\n", "").strip().equals("b")) {
                return field.substring(0, pos + eq + 1) + field.substring(end);
            }
            pos = end + 1;
        }
        return field;
    }
}
