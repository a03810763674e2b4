package org.courriel.access.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads protocol lines with a bound. A line ends at LF; a CR before it is removed. Whether the line ended
 * with CRLF or a bare LF is reported, for protocols that must tell them apart (SMTP DATA, RFC 5321 §2.3.8).
 */
public final class LineReader {

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private boolean lastEndedWithCrlf;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its terminator, or null at end of stream (a last line without LF is returned).
     *
     * @param limit most bytes of the line, terminator excluded
     * @throws LineTooLongException past the limit, after consuming the rest of the line
     */
    public byte[] readLine(int limit) throws IOException {
        line.reset();
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                lastEndedWithCrlf = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
                int length = lastEndedWithCrlf ? bytes.length - 1 : bytes.length;
                if (tooLong || length > limit) {
                    throw new LineTooLongException(limit);
                }
                if (lastEndedWithCrlf) {
                    return java.util.Arrays.copyOf(bytes, bytes.length - 1);
                }
                return bytes;
            }
            if (!tooLong) {
                line.write(b);
                if (line.size() > limit + 1) {
                    tooLong = true;
                    line.reset();
                    line.write('x');
                }
            }
        }
        if (tooLong) {
            throw new LineTooLongException(limit);
        }
        if (line.size() == 0) {
            return null;
        }
        lastEndedWithCrlf = false;
        return line.toByteArray();
    }

    /** Whether the last line read ended with CRLF (false: a bare LF, or end of stream). */
    public boolean lastEndedWithCrlf() {
        return lastEndedWithCrlf;
    }

    /** The underlying stream, for reading a counted number of bytes (IMAP literals, SMTP BDAT chunks). */
    public InputStream stream() {
        return in;
    }
}
