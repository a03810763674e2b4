package org.courriel.access.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.courriel.access.tls.TlsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A TCP listener that gives every connection its own virtual thread running blocking protocol code.
 * Connections past the listener's limits (in total, per client address) are refused through the handler
 * so the client hears why. Reads time out after the listener's idle timeout unless the protocol changes it.
 */
public final class TcpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpServer.class);

    private final ListenerSettings settings;
    private final TlsContext tls;
    private final ConnectionHandler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Integer> perIp = new ConcurrentHashMap<>();
    /** Longest a TLS handshake may take, whatever the listener's idle timeout. */
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;
    private final Counter accepted;
    private final Counter refused;
    private ServerSocket server;
    private volatile boolean running;

    public TcpServer(ListenerSettings settings, TlsContext tls, ConnectionHandler handler, MeterRegistry meters) {
        if (settings.implicitTls() && (tls == null || !tls.available())) {
            throw new IllegalStateException("listener " + settings.name() + " needs TLS but no certificate is configured");
        }
        this.settings = settings;
        this.tls = tls;
        this.handler = handler;
        this.accepted = Counter.builder("courriel.connections.accepted").tag("listener", settings.name())
                .description("Connections accepted").register(meters);
        this.refused = Counter.builder("courriel.connections.refused").tag("listener", settings.name())
                .description("Connections refused by a connection limit").register(meters);
        Gauge.builder("courriel.connections.open", open, Set::size).tag("listener", settings.name())
                .description("Connections open now").register(meters);
        if (tls != null && tls.notAfter().isPresent()) {
            Gauge.builder("courriel.tls.certificate.expiry", tls, TcpServer::secondsUntilExpiry)
                    .tag("listener", settings.name()).baseUnit("seconds")
                    .description("Seconds until the listener's certificate expires (negative once expired)")
                    .register(meters);
        }
    }

    /** Binds and starts accepting. */
    public synchronized void start() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 512);
        running = true;
        Thread.ofVirtual().name("courriel-" + settings.name() + "-accept").start(this::acceptLoop);
        log.info("Listening for {} on {}:{}{}", settings.name(), settings.bindAddress(), port(),
                settings.implicitTls() ? " (TLS)" : "");
    }

    /** The bound port (the real one when 0 was configured). */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (running) {
                    log.warn("Accept failed on {}: {}", settings.name(), e.toString());
                    pause(); // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            Thread.ofVirtual().name("courriel-" + settings.name() + "-conn").start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        InetAddress address = socket.getInetAddress();
        int sameIp = perIp.merge(address, 1, Integer::sum);
        boolean overLimit = open.size() >= settings.maxConnections() || sameIp > settings.maxConnectionsPerIp();
        open.add(socket);
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(settings.implicitTls() ? HANDSHAKE_TIMEOUT_MILLIS : (int) settings.idleTimeout().toMillis());
            Socket s = settings.implicitTls() ? tls.wrap(socket) : socket;
            s.setSoTimeout((int) settings.idleTimeout().toMillis());
            try (Connection connection = new Connection(settings.name(), s, tls)) {
                if (overLimit) {
                    refused.increment();
                    handler.refuse(connection, "too many connections");
                    return;
                }
                accepted.increment();
                handler.handle(connection);
            }
        } catch (SocketException e) {
            log.debug("Connection on {} ended: {}", settings.name(), e.toString());
        } catch (IOException e) {
            log.debug("Connection on {} failed: {}", settings.name(), e.toString());
        } catch (RuntimeException e) {
            log.error("Session on {} failed", settings.name(), e);
        } finally {
            open.remove(socket);
            perIp.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting and closes every connection. */
    @Override
    public synchronized void close() {
        running = false;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            log.debug("Closing {}: {}", settings.name(), e.toString());
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static double secondsUntilExpiry(TlsContext tls) {
        return tls.notAfter().map(t -> (t.toEpochMilli() - System.currentTimeMillis()) / 1000.0).orElse(Double.NaN);
    }

    public int openConnections() {
        return open.size();
    }
}
