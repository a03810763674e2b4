package org.courriel.access.net;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The socket's output with every write timed by a {@link WriteClock}. Large writes (a message's bytes in a
 * FETCH) are cut into slices so that the timeout bounds each slice, which makes it a minimum rate for the
 * whole transfer, not a deadline that a big response could never meet.
 */
final class TimedOutputStream extends FilterOutputStream {

    /** The most bytes one timed write hands to the socket. */
    static final int SLICE = 64 * 1024;

    private final WriteClock clock;

    TimedOutputStream(OutputStream out, WriteClock clock) {
        super(out);
        this.clock = clock;
    }

    @Override
    public void write(int b) throws IOException {
        clock.begin();
        try {
            out.write(b);
        } finally {
            clock.end();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, SLICE);
            clock.begin();
            try {
                out.write(b, off, n);
            } finally {
                clock.end();
            }
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        clock.begin();
        try {
            out.flush();
        } finally {
            clock.end();
        }
    }
}
