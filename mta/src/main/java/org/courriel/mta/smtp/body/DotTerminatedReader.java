package org.courriel.mta.smtp.body;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.courriel.access.net.BufferedInput;
import org.courriel.access.net.MemoryBudget;

/**
 * Reads the content of DATA (RFC 5321 §4.1.1.4) up to the end-of-data indication and undoes the
 * transparency procedure (§4.5.2: a line's leading '.' is removed).
 * <p>
 * Only CRLF "." CRLF ends the content. A bare CR or bare LF never starts a line for this purpose and is
 * reported, so the session can refuse the message (RFC 5321 §2.3.8; the SMTP smuggling attack hides a
 * second message behind {@code LF "." LF} or {@code LF "." CRLF}, which other servers take as the end).
 * The content kept ends with the CRLF of its last line; the limit counts content bytes after unstuffing.
 * <p>
 * Inside a line the bytes up to the next CR or LF go over in one copy ({@link BufferedInput#copyUntil}); only
 * line ends and line starts go through the state machine byte by byte.
 */
public final class DotTerminatedReader {

    private enum State { LINE_START, DOT, DOT_CR, IN_LINE, CR }

    private DotTerminatedReader() {
    }

    /**
     * @param in    positioned after the CRLF of the DATA command line (a line start); read no further than the
     *              end-of-data indication (a {@link BufferedInput} keeps what follows for the next command)
     * @param limit most content bytes kept; past it the rest is read and dropped
     * @throws EOFException when the stream ends before the end-of-data indication
     */
    public static MessageBody read(InputStream in, long limit) throws IOException {
        return read(in, limit, null);
    }

    /**
     * @param lease the content budget what is kept must fit first, or null for none
     * @see #read(InputStream, long)
     */
    public static MessageBody read(InputStream in, long limit, MemoryBudget.Lease lease) throws IOException {
        BufferedInput input = in instanceof BufferedInput buffered ? buffered : new BufferedInput(in, 1);
        BoundedBuffer out = new BoundedBuffer(limit, lease);
        boolean bare = false;
        State state = State.LINE_START;
        while (true) {
            if (state == State.IN_LINE) {
                input.copyUntil((byte) '\r', (byte) '\n', out); // the rest of the line, as far as it is buffered
            }
            int b = input.read();
            if (b < 0) {
                throw new EOFException("connection closed inside DATA");
            }
            switch (state) {
                case LINE_START -> {
                    if (b == '.') {
                        state = State.DOT;
                    } else {
                        state = inLine(b, out);
                        bare |= b == '\n';
                    }
                }
                case DOT -> {
                    if (b == '\r') {
                        state = State.DOT_CR;
                    } else {
                        // RFC 5321 §4.5.2: the first '.' of the line is dropped.
                        state = inLine(b, out);
                        bare |= b == '\n';
                    }
                }
                case DOT_CR -> {
                    if (b == '\n') {
                        return new MessageBody(out.content(), out.size(), out.tooBig(), bare, out.overBudget());
                    }
                    // "." CR without LF: a bare CR; keep it as content.
                    bare = true;
                    out.write('\r');
                    state = inLine(b, out);
                }
                case IN_LINE -> {
                    state = inLine(b, out);
                    bare |= b == '\n';
                }
                case CR -> {
                    if (b == '\n') {
                        out.write('\r');
                        out.write('\n');
                        state = State.LINE_START;
                    } else {
                        bare = true;
                        out.write('\r');
                        state = inLine(b, out);
                        bare |= b == '\n';
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** A byte inside a line: CR waits for its LF; anything else (a bare LF too) is content. */
    private static State inLine(int b, BoundedBuffer out) {
        if (b == '\r') {
            return State.CR;
        }
        out.write(b);
        return State.IN_LINE;
    }
}
