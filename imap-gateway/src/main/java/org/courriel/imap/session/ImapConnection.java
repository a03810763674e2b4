package org.courriel.imap.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;

/** What a session needs of its connection; adapts the access plumbing's connection and in-memory test pipes alike. */
public interface ImapConnection {

    InputStream in();

    OutputStream out();

    InetAddress peer();

    boolean isSecure();

    /** Starts TLS as server on the connection (RFC 9051 §6.2.1); {@link #in()} and {@link #out()} change. */
    void startTls() throws IOException;

    /** Whether this connection can start TLS at all (a TLS context is configured). */
    boolean canStartTls();

    void setReadTimeout(Duration timeout);

    /**
     * Bounds the reception of the next command: from its first byte, reads may take {@code budget} in all, plus
     * {@code 1 / bytesPerSecond} seconds per byte received; past it a read throws
     * {@link org.courriel.access.net.ReadDeadlineException}. Until {@link #clearCommandDeadline()}.
     */
    void commandDeadline(Duration budget, long bytesPerSecond);

    void clearCommandDeadline();

    void close();

    /** Closes the connection at once, from any thread (a shutdown): the session's reads and writes then fail. */
    void abort();
}
