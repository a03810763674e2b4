package org.courriel.access.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
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
 * One client connection: buffered streams, the peer's address, read timeouts and TLS.
 */
public final class Connection implements Closeable {

    private static final int BUFFER = 4096;

    private final String listener;
    private final TlsContext tls;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private LineReader lines;

    Connection(String listener, Socket socket, TlsContext tls) throws IOException {
        this.listener = listener;
        this.socket = socket;
        this.tls = tls;
        streams();
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream(), BUFFER);
        out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
        lines = new LineReader(in);
    }

    /** The listener's name ("mx", "submission", "imap"...). */
    public String listener() {
        return listener;
    }

    public InetAddress remoteAddress() {
        return ((InetSocketAddress) socket.getRemoteSocketAddress()).getAddress();
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    /** Bounded line reading over {@link #in()}. */
    public LineReader lines() {
        return lines;
    }

    public boolean isSecure() {
        return socket instanceof SSLSocket;
    }

    /** Whether this listener can offer STARTTLS (a certificate is configured and TLS is not on yet). */
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
    public void startTls() throws IOException {
        if (!canStartTls()) {
            throw new IOException("TLS cannot be started on this connection");
        }
        out.flush();
        int idle = socket.getSoTimeout();
        socket.setSoTimeout(30_000); // a handshake that stalls does not hold the connection for the idle timeout
        socket = tls.wrap(socket);
        socket.setSoTimeout(idle);
        streams();
    }

    /** How long a read may wait before a {@link java.net.SocketTimeoutException}. */
    public void setReadTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
