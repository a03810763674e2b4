package org.courriel.mta.relay;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes message content as SMTP DATA: a period at the start of a line is doubled (RFC 5321 §4.5.2), a bare
 * CR or LF becomes CRLF (RFC 5321 §2.3.8 forbids them alone), and {@link #finish()} ends the content with
 * {@code CRLF . CRLF} (§4.1.1.4), adding the CRLF the content may lack. The underlying stream stays open.
 */
public final class DotStuffingOutputStream extends FilterOutputStream {

    private boolean atLineStart = true;
    private boolean afterCr;

    public DotStuffingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (afterCr) {
            afterCr = false;
            if (b == '\n') {
                out.write('\n');
                atLineStart = true;
                return;
            }
            out.write('\n'); // a bare CR: complete it
            atLineStart = true;
        }
        if (b == '\r') {
            out.write('\r');
            afterCr = true;
            return;
        }
        if (b == '\n') {
            out.write('\r');
            out.write('\n');
            atLineStart = true;
            return;
        }
        if (atLineStart && b == '.') {
            out.write('.');
        }
        out.write(b);
        atLineStart = false;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Ends the data with the terminating {@code .} line; does not close the connection's stream. */
    public void finish() throws IOException {
        if (afterCr) {
            out.write('\n');
            afterCr = false;
            atLineStart = true;
        }
        if (!atLineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write(new byte[] {'.', '\r', '\n'});
        atLineStart = true;
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
