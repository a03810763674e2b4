package org.courriel.access.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;

/**
 * What a protocol session needs of its connection, whatever the protocol (SMTP, IMAP, and later ManageSieve
 * and POP3): streams, bounded lines, the peer, TLS, and the read timeout and deadlines that keep a slow or
 * silent client from holding a session. {@link Connection} is the one over TCP; tests may feed a session from
 * memory.
 */
public interface Channel extends Closeable {

    /** The input; after {@link #startTls()} a new stream. */
    InputStream in();

    /** The output, buffered: nothing leaves before a flush. */
    OutputStream out();

    /**
     * The next line of {@link #in()} without its CRLF, or null at end of stream.
     *
     * @throws LineTooLongException past {@code limit} octets (the line was consumed)
     */
    byte[] readLine(int limit) throws IOException;

    /** Whether more input is already waiting (a pipelining client): replies can wait to be flushed together. */
    default boolean hasBufferedInput() throws IOException {
        return in().available() > 0;
    }

    InetAddress remoteAddress();

    boolean isSecure();

    /** Whether TLS can be started (a certificate is configured and TLS is not on yet). */
    boolean canStartTls();

    /**
     * Performs the TLS handshake as server, discarding anything the client sent before it (RFC 3207 §4.2,
     * RFC 9051 §6.2.1); {@link #in()} and {@link #out()} change.
     */
    void startTls() throws IOException;

    /** Whether {@link #startCompression()} was called (RFC 4978 §3: at most once per connection). */
    default boolean isCompressed() {
        return false;
    }

    /**
     * Compresses both directions with raw DEFLATE from now on (RFC 4978 §3), above TLS if it is on: flushes what
     * is pending uncompressed, then {@link #in()} and {@link #out()} change. Input already buffered is taken as
     * compressed (the client compresses from the first byte after the command it sent).
     *
     * @throws IOException when the channel cannot compress or already does
     */
    default void startCompression() throws IOException {
        throw new IOException("this channel cannot compress");
    }

    /** How long one read may wait before a {@link java.net.SocketTimeoutException} (the idle timeout). */
    void setReadTimeout(Duration timeout) throws IOException;

    /**
     * Bounds the total time of the reads from now until {@link #clearReadDeadline()}, whatever the pauses
     * between bytes: past {@code budget}, plus {@code 1 / bytesPerSecond} seconds per byte received (0: nothing
     * added), a read throws {@link ReadDeadlineException}.
     *
     * @param fromFirstByte the budget starts with the first byte received, not now
     */
    void readDeadline(Duration budget, long bytesPerSecond, boolean fromFirstByte);

    /** Back to the idle timeout alone: processing (storing a message) is not under the deadline. */
    void clearReadDeadline();

    /** Closes the connection at once, from any thread (a shutdown); the session's reads and writes then fail. */
    void abort();
}
