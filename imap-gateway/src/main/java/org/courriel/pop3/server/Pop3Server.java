package org.courriel.pop3.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.courriel.access.ListenersProperties;
import org.courriel.access.net.Connection;
import org.courriel.access.net.ConnectionHandler;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.TcpServer;
import org.courriel.access.tls.TlsContext;
import org.courriel.pop3.config.Pop3Properties;
import org.courriel.pop3.config.Pop3sProperties;
import org.courriel.pop3.session.Pop3Context;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.store.lifecycle.ListenerLifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The POP3 listeners: {@code courriel.pop3.port} with STLS and {@code courriel.pop3s.port} with implicit TLS
 * (RFC 8314 §3.3), each connection served by a {@link Pop3Session} on its own virtual thread.
 */
@Component
// Not in the admin command line, which runs with courriel.listeners.enabled=false.
@ConditionalOnProperty(name = "courriel.listeners.enabled", havingValue = "true", matchIfMissing = true)
public class Pop3Server implements ListenerLifecycle {

    private final Pop3Properties properties;
    private final Pop3sProperties pop3s;
    private final ListenersProperties listeners;
    private final Pop3Context context;
    private final TlsContext tls;
    private final MeterRegistry meters;
    private final List<TcpServer> servers = new ArrayList<>();
    private TcpServer plain;
    private TcpServer implicit;

    public Pop3Server(Pop3Properties properties, Pop3sProperties pop3s, ListenersProperties listeners,
            Pop3Context context, TlsContext tls, MeterRegistry meters) {
        this.properties = properties;
        this.pop3s = pop3s;
        this.listeners = listeners;
        this.context = context;
        this.tls = tls;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            return;
        }
        String bind = properties.bindAddress().isEmpty() ? "0.0.0.0" : properties.bindAddress();
        try {
            if (properties.port() >= 0) {
                plain = listener(settings("pop3", bind, properties.port(), false));
            }
            if (pop3s.port() >= 0 && tls.available()) {
                implicit = listener(settings("pop3s", bind, pop3s.port(), true));
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("POP3 listener could not start", e);
        }
    }

    private ListenerSettings settings(String name, String bind, int port, boolean implicitTls) {
        return new ListenerSettings(name, bind, port, implicitTls, properties.maxConnections(),
                properties.maxConnectionsPerIp(), properties.loginTimeout(), listeners.writeTimeout(),
                listeners.shutdownGrace());
    }

    private TcpServer listener(ListenerSettings settings) throws IOException {
        TcpServer server = new TcpServer(settings, tls, new Handler(), meters);
        server.start();
        servers.add(server);
        return server;
    }

    /** The port of the STLS listener, -1 when off (tests bind port 0). */
    public int port() {
        return plain == null ? -1 : plain.port();
    }

    /** The port of the implicit-TLS listener, -1 when off. */
    public int implicitTlsPort() {
        return implicit == null ? -1 : implicit.port();
    }

    /** Stops both listeners together, each within the shutdown grace. */
    @Override
    public synchronized void stop() {
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            servers.forEach(server -> closing.execute(server::close));
        }
        servers.clear();
        plain = null;
        implicit = null;
    }

    @Override
    public String stopThreadName() {
        return "courriel-pop3-stop";
    }

    @Override
    public synchronized boolean isRunning() {
        return !servers.isEmpty();
    }

    private final class Handler implements ConnectionHandler {

        private final Set<Pop3Session> sessions = ConcurrentHashMap.newKeySet();

        @Override
        public void handle(Connection connection) {
            if (connection.isSecure()) {
                context.metrics().tlsHandshake("implicit", true);
            }
            Pop3Session session = new Pop3Session(context, connection);
            sessions.add(session);
            try {
                session.run();
            } finally {
                sessions.remove(session);
            }
        }

        @Override
        public void stopping() {
            sessions.forEach(Pop3Session::shutdown);
        }

        @Override
        public void refuse(Connection connection, String reason) throws IOException {
            // RFC 1939 §4 has no refusal greeting; -ERR instead of +OK is what clients understand (RFC 3206 §5)
            connection.out().write(("-ERR [SYS/TEMP] " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII));
            connection.out().flush();
        }
    }
}
