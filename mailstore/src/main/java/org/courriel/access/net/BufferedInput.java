package org.courriel.access.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A connection's buffered input, owned by one session thread. {@code java.io.BufferedInputStream} takes a lock
 * for every {@code read()}, and the protocols here read lines and SMTP DATA a byte at a time: a JFR of
 * {@code smtp-source} at 100 KiB had DATA's byte loop in 40 % of the SMTP sessions' samples. Besides the
 * stream's reads, {@link #copyUntil} hands a reader that looks for a delimiter the run of bytes before it in one
 * copy.
 *
 * <p>Reads its source only when its buffer is empty, at most a buffer's length at a time, so a buffer of one byte
 * never takes more from the source than its reader consumed.
 */
public final class BufferedInput extends InputStream {

    /** Where {@link #copyUntil} hands the bytes it passes over. */
    public interface Sink {
        void write(byte[] bytes, int offset, int length);
    }

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    public BufferedInput(InputStream in, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a buffer holds at least one byte");
        }
        this.in = in;
        this.buffer = new byte[size];
    }

    /** One read of the source into the empty buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position == limit) {
            if (len >= buffer.length) {
                return in.read(b, off, len); // nothing to gain from a copy through the buffer
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    /**
     * Hands {@code sink} the bytes from here to the first {@code stop} or {@code otherStop}, as far as the buffer
     * holds them (reading the source once when it holds none), and consumes them; the stop byte stays unread.
     *
     * @return how many bytes went to the sink: 0 when the next byte is a stop, -1 at the end of the stream
     */
    public int copyUntil(byte stop, byte otherStop, Sink sink) throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        int from = position;
        int i = from;
        while (i < limit && buffer[i] != stop && buffer[i] != otherStop) {
            i++;
        }
        if (i > from) {
            sink.write(buffer, from, i - from);
        }
        position = i;
        return i - from;
    }

    @Override
    public int available() throws IOException {
        return limit - position + in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
