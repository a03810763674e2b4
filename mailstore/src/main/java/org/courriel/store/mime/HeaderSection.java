package org.courriel.store.mime;

/**
 * Finds where the header section of an RFC 5322 message ends (RFC 5322 §2.1: header fields, an empty line,
 * then the body). Tolerates bare LF line ends, which messages appended over IMAP sometimes carry.
 */
public final class HeaderSection {

    private HeaderSection() {
    }

    /**
     * The length of the header section including the empty line that ends it. When the message has no empty
     * line, the whole message is its header section and the body is empty.
     */
    public static int length(byte[] message) {
        return length(message, 0, message.length);
    }

    /** As {@link #length(byte[])}, for the part of {@code buf} from {@code from} (inclusive) to {@code to}. */
    public static int length(byte[] buf, int from, int to) {
        if (to > from && buf[from] == '\n') {
            return 1;
        }
        if (to - from > 1 && buf[from] == '\r' && buf[from + 1] == '\n') {
            return 2;
        }
        for (int i = from; i < to; i++) {
            if (buf[i] != '\n') {
                continue;
            }
            int next = i + 1;
            if (next < to && buf[next] == '\n') {
                return next + 1 - from;
            }
            if (next + 1 < to && buf[next] == '\r' && buf[next + 1] == '\n') {
                return next + 2 - from;
            }
        }
        return to - from;
    }

    /**
     * The message with an empty line inserted where its header section ends at a line that is neither a header
     * field nor a folded continuation (RFC 5322 §2.2, §3.5): the SMTP dialogue {@code DATA}, {@code Do you like
     * ketchup?} has no empty line after the Received field the MTA adds. As Postfix's cleanup does, the empty
     * line makes that text the body for every reader alike (summary, sections, SEARCH, REST); {@code message}
     * itself when its header section is well terminated or runs to the end.
     */
    public static byte[] terminated(byte[] message) {
        int body = bodyWithoutEmptyLine(message);
        if (body < 0) {
            return message;
        }
        boolean bareLf = body > 0 && (body < 2 || message[body - 2] != '\r');
        byte[] eol = bareLf ? new byte[] {'\n'} : new byte[] {'\r', '\n'};
        byte[] out = new byte[message.length + eol.length];
        System.arraycopy(message, 0, out, 0, body);
        System.arraycopy(eol, 0, out, body, eol.length);
        System.arraycopy(message, body, out, body + eol.length, message.length - body);
        return out;
    }

    /**
     * Where the first line that is not part of the header section starts, or -1 when the message has an empty
     * line: then that line ends the header section as before, and a broken fold above it (a wrapped line that
     * lost its leading space, as some gateways write) stays in the header, where Mime4j skips it.
     */
    static int bodyWithoutEmptyLine(byte[] m) {
        if (hasEmptyLine(m)) {
            return -1;
        }
        int i = 0;
        while (i < m.length) {
            int end = i;
            while (end < m.length && m[end] != '\n') {
                end++;
            }
            boolean empty = end == i || end == i + 1 && m[i] == '\r';
            if (empty) {
                return -1;
            }
            boolean continuation = i > 0 && (m[i] == ' ' || m[i] == '\t');
            // an mbox "From " separator on the first line stays skipped, as Mime4j skips it
            boolean mboxFrom = i == 0 && startsWith(m, 0, "From ");
            if (!continuation && !mboxFrom && !isField(m, i, end)) {
                return i;
            }
            i = end + 1;
        }
        return -1;
    }

    /**
     * RFC 5322 §3.6.8: field-name = 1*ftext (printable US-ASCII but ':'), then ':'; §4.5.1 allows WSP before it.
     * Leniently, as Mime4j reads them, 8-bit bytes pass too (a UTF-8 byte order mark before the first field).
     */
    private static boolean isField(byte[] m, int from, int to) {
        int i = from;
        while (i < to && (m[i] & 0xff) > 32 && m[i] != 127 && m[i] != ':') {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < to && (m[i] == ' ' || m[i] == '\t')) {
            i++;
        }
        return i < to && m[i] == ':';
    }

    private static boolean hasEmptyLine(byte[] m) {
        for (int i = 0; i < m.length; i++) {
            boolean lineStart = i == 0 || m[i - 1] == '\n';
            if (lineStart && (m[i] == '\n' || m[i] == '\r' && i + 1 < m.length && m[i + 1] == '\n')) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] m, int from, String prefix) {
        if (m.length - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (m[from + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
