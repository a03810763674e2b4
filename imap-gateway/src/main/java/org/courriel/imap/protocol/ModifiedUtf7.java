package org.courriel.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Mailbox names in modified UTF-7 (RFC 3501 §5.1.3), used by IMAP4rev1 sessions that did not enable
 * UTF-8: printable ASCII stands for itself except '&amp;' (written "&amp;-"), anything else is UTF-16
 * in modified base64 ('/' replaced by ',') between '&amp;' and '-'.
 */
public final class ModifiedUtf7 {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private ModifiedUtf7() {
    }

    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int start = i;
                while (i < name.length() && (name.charAt(i) < 0x20 || name.charAt(i) > 0x7e)) {
                    i++;
                }
                byte[] utf16 = name.substring(start, i).getBytes(StandardCharsets.UTF_16BE);
                out.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
            }
        }
        return out.toString();
    }

    /**
     * Decodes a name, refusing whatever a correct encoder cannot have written (RFC 3501 §5.1.3), so that two
     * different names never decode to the same mailbox: raw characters outside printable US-ASCII, a shift
     * sequence that is unterminated, holds a character outside the modified base64 alphabet, leaves a partial
     * UTF-16 unit or non-zero padding bits, encodes printable US-ASCII (which must stand for itself), an
     * unpaired surrogate, or directly follows another shift sequence (the shortest form merges them).
     *
     * @throws ImapSyntaxException on any such name
     */
    public static String decode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        boolean afterShift = false;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid("characters outside printable US-ASCII must be encoded");
            }
            if (c != '&') {
                out.append(c);
                afterShift = false;
                i++;
                continue;
            }
            int end = name.indexOf('-', i + 1);
            if (end < 0) {
                throw invalid("unterminated shift sequence");
            }
            if (end == i + 1) {
                out.append('&');
                afterShift = false;
            } else {
                if (afterShift) {
                    throw invalid("adjacent shift sequences");
                }
                out.append(utf16(name, i + 1, end));
                afterShift = true;
            }
            i = end + 1;
        }
        return out.toString();
    }

    /** The characters that modified base64 between {@code from} and {@code to} encodes, checked as described above. */
    private static String utf16(String name, int from, int to) {
        StringBuilder chars = new StringBuilder((to - from) * 6 / 16);
        int bits = 0;
        int nbits = 0;
        for (int i = from; i < to; i++) {
            int v = sextet(name.charAt(i));
            bits = (bits << 6) | v;
            nbits += 6;
            if (nbits >= 16) {
                nbits -= 16;
                chars.append((char) ((bits >>> nbits) & 0xffff));
                bits &= (1 << nbits) - 1;
            }
        }
        // leftover bits: fewer than six, all zero (a whole sextet left over would be a partial unit)
        if (nbits >= 6 || bits != 0) {
            throw invalid("bad padding");
        }
        for (int k = 0; k < chars.length(); k++) {
            char c = chars.charAt(k);
            if (c >= 0x20 && c <= 0x7e) {
                throw invalid("printable US-ASCII must not be encoded");
            }
            if (Character.isHighSurrogate(c)) {
                if (k + 1 >= chars.length() || !Character.isLowSurrogate(chars.charAt(k + 1))) {
                    throw invalid("unpaired surrogate");
                }
                k++;
            } else if (Character.isLowSurrogate(c)) {
                throw invalid("unpaired surrogate");
            }
        }
        return chars.toString();
    }

    /** RFC 3501 §5.1.3: the base64 alphabet of RFC 2045 with ',' for '/', and no '=' padding. */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == ',') {
            return 63;
        }
        throw invalid("character outside modified base64");
    }

    private static ImapSyntaxException invalid(String why) {
        return new ImapSyntaxException("invalid modified UTF-7 in mailbox name: " + why);
    }
}
