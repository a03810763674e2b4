package org.courriel.mta.relay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The socket to one remote server: commands out, bounded replies in, each read under its own timeout and
 * each block of content written under a watchdog (a blocked write has no socket timeout in Java).
 */
final class SmtpClientConnection implements Closeable {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "courriel-relay-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final RelayProperties properties;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private RemoteReplyReader replies;
    private boolean secure;
    private boolean verified;

    SmtpClientConnection(Socket socket, RelayProperties properties, boolean secure) throws IOException {
        this.properties = properties;
        this.secure = secure;
        attach(socket);
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        this.in = new BufferedInputStream(s.getInputStream(), 8192);
        this.out = new BufferedOutputStream(s.getOutputStream(), 16384);
        this.replies = new RemoteReplyReader(in, properties.maxReplyLineLength(), properties.maxReplyLines());
    }

    /** Queues a command line (CRLF added); nothing is sent before {@link #flush()}. */
    void command(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Sends one command and reads its reply. */
    RemoteReply exchange(String line, Duration timeout) throws IOException {
        command(line);
        flush();
        return reply(timeout);
    }

    RemoteReply reply(Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
        return replies.read();
    }

    /** Runs a write under the data block watchdog (RFC 5321 §4.5.3.2.5): past the timeout the socket is closed. */
    void guardedWrite(IoAction write) throws IOException {
        Socket s = socket;
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> closeQuietly(s), properties.timeouts().dataBlock().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            write.run();
        } finally {
            alarm.cancel(false);
        }
    }

    OutputStream output() {
        return out;
    }

    /**
     * Wraps the connection in TLS after a 220 to STARTTLS (RFC 3207 §4) or at once for implicit TLS.
     *
     * @param verify        check the host name (RFC 6125) on top of the context's trust
     * @param authenticates the context's trust manager authenticates the peer (PKIX, DANE), not trust-all
     */
    void startTls(SSLContext context, String host, boolean verify, boolean authenticates, Duration timeout)
            throws IOException {
        flush();
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, host, socket.getPort(), true);
        tls.setUseClientMode(true);
        SSLParameters parameters = tls.getSSLParameters();
        if (verify) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 6125 host name check
        }
        if (!host.matches("[0-9.]+|.*:.*")) { // SNI carries names, never address literals (RFC 6066 §3)
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        tls.startHandshake();
        attach(tls);
        secure = true;
        verified = authenticates;
    }

    boolean isSecure() {
        return secure;
    }

    /**
     * TLS is in place and its handshake authenticated the server: the certificate chain and the host name
     * (PKIX), or the TLSA records of DANE (RFC 7672 §3).
     */
    boolean isVerified() {
        return verified;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }
}
