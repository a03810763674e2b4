package org.courriel.imap.server;

import java.nio.charset.StandardCharsets;

import org.courriel.access.ListenersProperties;
import org.courriel.access.net.Connection;
import org.courriel.access.net.ListenerGroup;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.SessionHandler;
import org.courriel.access.tls.TlsContext;
import org.courriel.imap.config.ImapProperties;
import org.courriel.imap.config.ImapsProperties;
import org.courriel.imap.session.ChannelImapSession;
import org.courriel.imap.session.CommandDispatcher;
import org.courriel.imap.session.ImapContext;
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
    private final ListenerGroup group;

    public ImapServer(ImapProperties properties, ImapsProperties imaps, ListenersProperties listeners,
            ImapContext context, CommandDispatcher dispatcher, TlsContext tls, MeterRegistry meters) {
        this.properties = properties;
        this.imaps = imaps;
        this.listeners = listeners;
        this.context = context;
        this.dispatcher = dispatcher;
        this.group = new ListenerGroup("IMAP", tls, meters);
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            group.start(new SessionHandler(this::open,
                    // RFC 9051 §7.1.5: BYE as the greeting when the server will not serve the client
                    reason -> ("* BYE " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII)),
                    settings("imap", properties.port(), false), settings("imaps", imaps.port(), true));
        }
    }

    private ListenerSettings settings(String name, int port, boolean implicitTls) {
        return new ListenerSettings(name, properties.bindAddress(), port, implicitTls, properties.maxConnections(),
                properties.maxConnectionsPerIp(), properties.loginTimeout(), listeners.writeTimeout(),
                listeners.shutdownGrace());
    }

    private ChannelImapSession open(Connection connection) {
        if (connection.isSecure()) {
            context.metrics().tlsHandshake("implicit", true);
        }
        return new ChannelImapSession(context, dispatcher, connection);
    }

    /** The port of the STARTTLS listener (tests bind port 0). */
    public int port() {
        return group.port("imap");
    }

    /** The port of the implicit-TLS listener, -1 when off. */
    public int implicitTlsPort() {
        return group.port("imaps");
    }

    /**
     * Stops both listeners together: each tells its sessions BYE (RFC 9051 §7.1.5), waits at most the shutdown
     * grace, then closes what is still open.
     */
    @Override
    public void stop() {
        group.stop();
    }

    @Override
    public String stopThreadName() {
        return "courriel-imap-stop";
    }

    @Override
    public boolean isRunning() {
        return group.isRunning();
    }
}
