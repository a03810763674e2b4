package org.courriel.imap.protocol;

/**
 * Encodes strings for IMAP responses (RFC 9051 §4.3): a quoted string when the text allows it, a literal
 * otherwise, NIL for null. Non-ASCII text is sent as UTF-8, quoted when the session has enabled UTF-8
 * (IMAP4rev2 or UTF8=ACCEPT, RFC 9051 §4.3 and RFC 6855 §3), otherwise as a literal.
 */
public final class ImapString {

    private ImapString() {
    }

    /** nstring: NIL, a quoted string or a literal. */
    public static void nstring(StringBuilder out, String value, boolean utf8) {
        if (value == null) {
            out.append("NIL");
        } else {
            string(out, value, utf8);
        }
    }

    /** string: a quoted string or a literal. */
    public static void string(StringBuilder out, String value, boolean utf8) {
        if (quotable(value, utf8)) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else {
            out.append('{').append(utf8Length(value)).append("}\r\n").append(value);
        }
    }

    /** The length of {@code value} in UTF-8 as the writer encodes it (an unpaired surrogate as '?'), without a copy. */
    static long utf8Length(String value) {
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Whether the text can be a quoted string: no CR, LF or NUL, and ASCII unless UTF-8 is enabled. */
    static boolean quotable(String value, boolean utf8) {
        if (value.length() > 1000) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || (!utf8 && c > 0x7e) || (c < 0x20 && c != '\t')) {
                return false;
            }
        }
        return true;
    }
}
