package org.courriel.access.net;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Raw DEFLATE (RFC 1951, no zlib or gzip wrapper) in both directions over a connection's streams, as IMAP
 * COMPRESS=DEFLATE (RFC 4978) layers it: between the protocol and TLS, so data is compressed before it is
 * encrypted (RFC 4978 §3).
 *
 * <p>Memory per connection is fixed: one zlib deflate state (about 256 KiB with Java's 32 KiB window) and one
 * inflate state (about 44 KiB), plus two buffers of {@value #BUFFER} bytes; nothing grows with the traffic.
 * Decompressed input is only as large as the reader asks for, so the protocol's line and literal bounds hold
 * for what a client inflates (a "zip bomb" fills no memory). Every flush of the output is a SYNC_FLUSH
 * (RFC 4978 §4: the peer must be able to decode each response as soon as it arrives).
 */
final class DeflateStreams {

    /** Buffer size on each side of the compressor. */
    static final int BUFFER = 8192;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);

    /** The decompressed view of {@code compressed}, which may already hold bytes sent after the command. */
    InputStream input(InputStream compressed) {
        return new BufferedInput(new InflaterInputStream(compressed, inflater, BUFFER) {
            /** Unknown without inflating: 0, so that a caller deciding whether to flush always flushes. */
            @Override
            public int available() {
                return 0;
            }
        }, BUFFER);
    }

    /** The compressing view of {@code plain}: each flush ends with a SYNC_FLUSH and flushes {@code plain}. */
    OutputStream output(OutputStream plain) {
        return new BufferedOutputStream(new DeflaterOutputStream(plain, deflater, BUFFER, true), BUFFER);
    }

    /** Frees the native zlib states; the streams fail after it. */
    void end() {
        deflater.end();
        inflater.end();
    }
}
