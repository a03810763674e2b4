package org.courriel.mta.smtp.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;

/**
 * What a session needs of its connection; {@link ConnectionChannel} adapts the shared TCP plumbing, tests may
 * feed a session from memory.
 */
public interface SmtpChannel {

    /**
     * The next line without CRLF, or null at end of stream.
     *
     * @throws org.courriel.access.net.LineTooLongException past {@code limit} octets (the line was consumed)
     */
    byte[] readLine(int limit) throws IOException;

    /** The input after the last line read, for DATA and BDAT content. */
    InputStream in();

    OutputStream out();

    /** Whether more input is already waiting (a pipelining client): replies can wait to be flushed together. */
    boolean hasBufferedInput() throws IOException;

    InetAddress remoteAddress();

    boolean isSecure();

    boolean canStartTls();

    /** Performs the TLS handshake, discarding anything the client sent before it (RFC 3207 §4.2). */
    void startTls() throws IOException;

    void setReadTimeout(Duration timeout) throws IOException;

    /**
     * Bounds the total time of the reads from now on, until the next call: past {@code budget}, plus
     * {@code 1 / bytesPerSecond} seconds per byte received (0: nothing added), a read throws
     * {@link org.courriel.access.net.ReadDeadlineException}, however short the pauses between bytes.
     */
    void readDeadline(Duration budget, long bytesPerSecond);

    /** Ends the deadline once what it bounded is read: processing (storing a message) is not under it. */
    void clearReadDeadline();

    /** Closes the connection at once, from any thread (a shutdown); the session's reads and writes then fail. */
    void abort();
}
