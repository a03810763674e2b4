package org.courriel.pop3.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stored message as POP3 sends it (RFC 1939 §3, §11): every line ended by CRLF (a bare LF, which a message
 * appended over IMAP may carry, becomes CRLF; a last line without its end gets one), a line that starts with
 * "." gets one more, and a line holding only "." ends the reply. Pure: bytes in, bytes out.
 */
public final class MessageLines {

    /** Every line of the body. */
    public static final long ALL = Long.MAX_VALUE;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] TERMINATOR = {'.', '\r', '\n'};

    private MessageLines() {
    }

    /**
     * The message's size as POP3 reports it (RFC 1939 §11): its octets with CRLF line ends, before
     * dot-stuffing.
     */
    public static long octets(byte[] message) {
        long size = 0;
        int pos = 0;
        while (pos < message.length) {
            int end = lineEnd(message, pos);
            size += textEnd(message, pos, end) - pos + CRLF.length;
            pos = end + 1;
        }
        return size;
    }

    /**
     * Writes the header section and at most {@code bodyLines} lines of the body (RFC 1939 §7 TOP; {@link #ALL}
     * for RETR), dot-stuffed, then the terminating line.
     */
    public static void write(byte[] message, long bodyLines, OutputStream out) throws IOException {
        boolean header = true;
        long body = 0;
        int pos = 0;
        while (pos < message.length) {
            if (!header) {
                if (body >= bodyLines) {
                    break;
                }
                body++;
            }
            int end = lineEnd(message, pos);
            int text = textEnd(message, pos, end);
            if (text > pos && message[pos] == '.') {
                out.write('.'); // RFC 1939 §3: byte-stuffing
            }
            out.write(message, pos, text - pos);
            out.write(CRLF);
            if (header && text == pos) {
                header = false; // the empty line that ends the header section is part of TOP's answer
            }
            pos = end + 1;
        }
        out.write(TERMINATOR);
    }

    /** Where the line starting at {@code pos} ends: its LF, or the end of the message. */
    private static int lineEnd(byte[] message, int pos) {
        int i = pos;
        while (i < message.length && message[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The end of the line's text: before its CR LF or bare LF. */
    private static int textEnd(byte[] message, int pos, int end) {
        return end < message.length && end > pos && message[end - 1] == '\r' ? end - 1 : end;
    }
}
