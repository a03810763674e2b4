package org.courriel.imap.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.courriel.imap.protocol.ResponseCode.Code;

/**
 * Writes responses to the client. Text goes out as UTF-8 (ASCII unless the session enabled UTF-8);
 * message bytes go out as they are. Thread-safe: while IDLE, updates may be written by a short-lived
 * thread woken by a mailbox event.
 */
public final class ResponseWriter {

    private final OutputStream out;

    public ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /** {@code * text}. */
    public synchronized void untagged(CharSequence text) {
        write("* ");
        write(text);
        write("\r\n");
    }

    public synchronized void status(String tag, Status status, Code code, String text) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(tag == null ? "*" : tag).append(' ').append(status.name()).append(' ');
        if (code != null) {
            sb.append('[').append(code).append("] ");
        }
        sb.append(text == null || text.isEmpty() ? "done" : sanitize(text)).append("\r\n");
        write(sb);
    }

    /** {@code + text}: a command continuation request (RFC 9051 §7.5). */
    public synchronized void continuation(String text) {
        write("+ " + text + "\r\n");
        flush();
    }

    /** Starts a response that carries bytes (FETCH BODY[]): the caller writes text and bytes in order, then {@link #flush()}. */
    public synchronized void text(CharSequence text) {
        write(text);
    }

    public synchronized void bytes(byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(CharSequence text) {
        try {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Human-readable text (RFC 9051 §9 text, RFC 3501 §9 TEXT-CHAR) as printable US-ASCII: it often quotes the
     * client (a mailbox name in a refusal), and control characters, a CR or LF, or raw bytes in another
     * charset must reach neither the client's terminal nor its parser. Each such character becomes '?'.
     */
    static String sanitize(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                if (sb == null) {
                    sb = new StringBuilder(text.length()).append(text, 0, i);
                }
                sb.append('?');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
