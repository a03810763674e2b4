package org.courriel.imap.server;

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
import org.courriel.imap.config.ImapProperties;
import org.courriel.imap.config.ImapsProperties;
import org.courriel.imap.session.CommandDispatcher;
import org.courriel.imap.session.ImapContext;
import org.courriel.imap.session.ChannelImapSession;
import org.courriel.store.lifecycle.ListenerLifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The IMAP listeners: {@code courriel.imap.port} with STARTTLS and {@code courriel.imaps.port} with implicit
 * TLS (RFC 8314 §3.3), each connection served by a {@link ChannelImapSession} on its own virtual thread.
 */
@Component
// Not in the admin command line, which runs with courriel.listeners.enabled=false.
@ConditionalOnProperty(name = "courriel.listeners.enabled", havingValue = "true", matchIfMissing = true)
public class ImapServer implements ListenerLifecycle {

    private final ImapProperties properties;
    private final ImapsProperties imaps;
    private final ListenersProperties listeners;
    private final ImapContext context;
    private final CommandDispatcher dispatcher;
    private final TlsContext tls;
    private final MeterRegistry meters;
    private final List<TcpServer> servers = new ArrayList<>();
    private TcpServer plain;
    private TcpServer implicit;

    public ImapServer(ImapProperties properties, ImapsProperties imaps, ListenersProperties listeners,
            ImapContext context, CommandDispatcher dispatcher, TlsContext tls, MeterRegistry meters) {
        this.properties = properties;
        this.imaps = imaps;
        this.listeners = listeners;
        this.context = context;
        this.dispatcher = dispatcher;
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
                plain = listener(new ListenerSettings("imap", bind, properties.port(), false,
                        properties.maxConnections(), properties.maxConnectionsPerIp(), properties.loginTimeout(),
                        listeners.writeTimeout(), listeners.shutdownGrace()));
            }
            if (imaps.port() >= 0 && tls.available()) {
                implicit = listener(new ListenerSettings("imaps", bind, imaps.port(), true,
                        properties.maxConnections(), properties.maxConnectionsPerIp(), properties.loginTimeout(),
                        listeners.writeTimeout(), listeners.shutdownGrace()));
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("IMAP listener could not start", e);
        }
    }

    private TcpServer listener(ListenerSettings settings) throws IOException {
        TcpServer server = new TcpServer(settings, tls, new Handler(), meters);
        server.start();
        servers.add(server);
        return server;
    }

    /** The port of the STARTTLS listener (tests bind port 0). */
    public int port() {
        return plain == null ? -1 : plain.port();
    }

    /** The port of the implicit-TLS listener, -1 when off. */
    public int implicitTlsPort() {
        return implicit == null ? -1 : implicit.port();
    }

    /**
     * Stops both listeners together: each tells its sessions BYE, waits at most the shutdown grace, then closes
     * what is still open.
     */
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
        return "courriel-imap-stop";
    }

    @Override
    public synchronized boolean isRunning() {
        return !servers.isEmpty();
    }

    private final class Handler implements ConnectionHandler {

        private final Set<ChannelImapSession> sessions = ConcurrentHashMap.newKeySet();

        @Override
        public void handle(Connection connection) {
            if (connection.isSecure()) {
                context.metrics().tlsHandshake("implicit", true);
            }
            ChannelImapSession session = new ChannelImapSession(context, dispatcher, connection);
            sessions.add(session);
            try {
                session.run();
            } finally {
                sessions.remove(session);
            }
        }

        /** RFC 9051 §7.1.5: every session hears BYE, at once or after its current command. */
        @Override
        public void stopping() {
            sessions.forEach(ChannelImapSession::shutdown);
        }

        @Override
        public void refuse(Connection connection, String reason) throws IOException {
            // RFC 9051 §7.1.5: BYE as the greeting when the server will not serve the client
            connection.out().write(("* BYE " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII));
            connection.out().flush();
        }
    }
}
