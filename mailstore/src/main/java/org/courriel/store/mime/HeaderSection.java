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
}
