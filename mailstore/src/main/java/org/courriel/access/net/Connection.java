package org.courriel.access.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.courriel.access.tls.TlsContext;

/**
 * One client connection: buffered streams, the peer's address, read timeouts and deadlines, timed writes and
 * TLS. Writes are timed by the listener's {@link WriteWatchdog}, which closes the connection when one blocks
 * longer than the write timeout (a client that does not read).
 */
public final class Connection implements Channel {

    private static final int BUFFER = 4096;

    private final String listener;
    private final TlsContext tls;
    private final Socket raw;
    private final WriteClock writes;
    private final ReadDeadline deadline;
    private int idleMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private LineReader lines;
    private DeflateStreams deflate;

    /**
     * @param raw    the TCP socket under any TLS, which {@link #abort()} closes
     * @param socket the socket the protocol speaks over ({@code raw}, or TLS over it)
     * @param writes times the writes for the listener's watchdog
     * @param reads  the read deadline, which the watchdog enforces too
     */
    Connection(String listener, Socket raw, Socket socket, TlsContext tls, WriteClock writes, ReadDeadline reads)
            throws IOException {
        this.listener = listener;
        this.raw = raw;
        this.socket = socket;
        this.tls = tls;
        this.writes = writes;
        this.deadline = reads;
        this.idleMillis = socket.getSoTimeout();
        streams();
    }

    private void streams() throws IOException {
        in = new BufferedInput(new DeadlineInputStream(socket.getInputStream(), socket, deadline,
                () -> idleMillis), BUFFER);
        out = new BufferedOutputStream(new TimedOutputStream(socket.getOutputStream(), writes), BUFFER);
        lines = new LineReader(in);
    }

    /** The listener's name ("mx", "submission", "imap"...). */
    public String listener() {
        return listener;
    }

    @Override
    public InetAddress remoteAddress() {
        return ((InetSocketAddress) socket.getRemoteSocketAddress()).getAddress();
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public OutputStream out() {
        return out;
    }

    /** Bounded line reading over {@link #in()}. */
    public LineReader lines() {
        return lines;
    }

    @Override
    public byte[] readLine(int limit) throws IOException {
        return lines.readLine(limit);
    }

    @Override
    public boolean isSecure() {
        return socket instanceof SSLSocket;
    }

    /** Whether this listener can offer STARTTLS (a certificate is configured and TLS is not on yet). */
    @Override
    public boolean canStartTls() {
        return tls != null && tls.available() && !isSecure();
    }

    /** The negotiated TLS session, or null on a plain connection. */
    public SSLSession tlsSession() {
        return socket instanceof SSLSocket s ? s.getSession() : null;
    }

    /**
     * Switches to TLS after the protocol said it would (SMTP 220 after STARTTLS, IMAP OK after STARTTLS).
     * Whatever the client sent before the handshake and is still buffered is discarded, as RFC 3207 §4.2 and
     * RFC 9051 §6.2.1 require (command injection), and the session starts over with fresh streams.
     */
    @Override
    public void startTls() throws IOException {
        if (!canStartTls()) {
            throw new IOException("TLS cannot be started on this connection");
        }
        out.flush();
        socket.setSoTimeout(30_000); // a handshake that stalls does not hold the connection for the idle timeout
        writes.begin(); // nor does one whose client stops reading
        try {
            socket = tls.wrap(socket);
        } finally {
            writes.end();
        }
        socket.setSoTimeout(idleMillis);
        streams();
    }

    @Override
    public boolean isCompressed() {
        return deflate != null;
    }

    /**
     * RFC 4978 §3: compression starts right after the tagged OK, which this flushes uncompressed first; the
     * compressed streams sit on the (TLS) streams, so data is compressed before it is encrypted.
     */
    @Override
    public void startCompression() throws IOException {
        if (deflate != null) {
            throw new IOException("compression is already on");
        }
        out.flush();
        deflate = new DeflateStreams();
        in = deflate.input(in);
        out = deflate.output(out);
        lines = new LineReader(in);
    }

    /** How long a read may wait before a {@link java.net.SocketTimeoutException}. */
    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        idleMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        socket.setSoTimeout(idleMillis);
    }

    /**
     * Bounds the total time of the reads from now until {@link #clearReadDeadline()}, whatever the pauses
     * between bytes: past it a read throws {@link ReadDeadlineException}. Each byte read extends the deadline
     * by {@code 1 / bytesPerSecond} seconds (a minimum rate for content), unless {@code bytesPerSecond} is 0.
     *
     * @param fromFirstByte the budget starts with the first byte received, not now (waiting for a command is
     *                      the idle timeout's business, receiving it the deadline's)
     */
    @Override
    public void readDeadline(Duration budget, long bytesPerSecond, boolean fromFirstByte) {
        deadline.start(budget, bytesPerSecond, fromFirstByte);
    }

    /** Back to the idle timeout alone. */
    @Override
    public void clearReadDeadline() {
        deadline.clear();
    }

    @Override
    public void close() throws IOException {
        try {
            socket.close();
        } finally {
            if (deflate != null) {
                deflate.end();
            }
        }
    }

    /**
     * Closes the TCP connection at once, from any thread, without a TLS close_notify (which could block
     * behind a stuck write): blocked reads and writes of the session fail with a {@link java.net.SocketException}.
     */
    @Override
    public void abort() {
        try {
            raw.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
