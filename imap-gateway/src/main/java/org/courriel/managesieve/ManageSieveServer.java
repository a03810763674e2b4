package org.courriel.managesieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.courriel.access.ListenersProperties;
import org.courriel.access.net.Connection;
import org.courriel.access.net.ConnectionHandler;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.TcpServer;
import org.courriel.access.tls.TlsContext;
import org.courriel.store.lifecycle.ListenerLifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ManageSieve listener ({@code courriel.managesieve.port}, RFC 5804 §1.8), with STARTTLS, on the shared
 * TCP/TLS plumbing; each connection is a {@link ManageSieveSession} on its own virtual thread.
 */
@Component
@ConditionalOnProperty(name = "courriel.listeners.enabled", havingValue = "true", matchIfMissing = true)
public class ManageSieveServer implements ListenerLifecycle {

    private final ManageSieveContext context;
    private final ListenersProperties listeners;
    private final TlsContext tls;
    private final MeterRegistry meters;
    private TcpServer server;

    ManageSieveServer(ManageSieveContext context, ListenersProperties listeners, TlsContext tls, MeterRegistry meters) {
        this.context = context;
        this.listeners = listeners;
        this.tls = tls;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        ManageSieveProperties p = context.properties();
        if (!p.enabled() || p.port() < 0) {
            return;
        }
        String bind = p.bindAddress().isEmpty() ? "0.0.0.0" : p.bindAddress();
        try {
            server = new TcpServer(new ListenerSettings("managesieve", bind, p.port(), false, p.maxConnections(),
                    p.maxConnectionsPerIp(), p.loginTimeout(), listeners.writeTimeout(), listeners.shutdownGrace()),
                    tls, new Handler(), meters);
            server.start();
        } catch (IOException e) {
            server = null;
            throw new UncheckedIOException("ManageSieve listener could not start", e);
        }
    }

    /** The listener's port (tests bind port 0), -1 when off. */
    public synchronized int port() {
        return server == null ? -1 : server.port();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public String stopThreadName() {
        return "courriel-managesieve-stop";
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    private final class Handler implements ConnectionHandler {

        private final Set<ManageSieveSession> sessions = ConcurrentHashMap.newKeySet();

        @Override
        public void handle(Connection connection) throws IOException {
            ManageSieveSession session = new ManageSieveSession(connection, context);
            sessions.add(session);
            try {
                session.run();
            } finally {
                sessions.remove(session);
            }
        }

        @Override
        public void stopping() {
            sessions.forEach(ManageSieveSession::shutdown);
        }

        @Override
        public void refuse(Connection connection, String reason) throws IOException {
            // RFC 5804 §1.2: BYE ends the connection.
            connection.out().write(("BYE \"" + reason.replace("\"", "'") + "\"\r\n").getBytes(StandardCharsets.UTF_8));
            connection.out().flush();
        }
    }
}
