package org.courriel.pop3.server;

import java.nio.charset.StandardCharsets;

import org.courriel.access.ListenersProperties;
import org.courriel.access.net.Connection;
import org.courriel.access.net.ListenerGroup;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.SessionHandler;
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
    private final ListenerGroup group;

    public Pop3Server(Pop3Properties properties, Pop3sProperties pop3s, ListenersProperties listeners,
            Pop3Context context, TlsContext tls, MeterRegistry meters) {
        this.properties = properties;
        this.pop3s = pop3s;
        this.listeners = listeners;
        this.context = context;
        this.group = new ListenerGroup("POP3", tls, meters);
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            group.start(new SessionHandler(this::open,
                    // RFC 1939 §4 has no refusal greeting; -ERR instead of +OK is what clients understand (RFC 3206 §5)
                    reason -> ("-ERR [SYS/TEMP] " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII)),
                    settings("pop3", properties.port(), false), settings("pop3s", pop3s.port(), true));
        }
    }

    private ListenerSettings settings(String name, int port, boolean implicitTls) {
        return new ListenerSettings(name, properties.bindAddress(), port, implicitTls, properties.maxConnections(),
                properties.maxConnectionsPerIp(), properties.loginTimeout(), listeners.writeTimeout(),
                listeners.shutdownGrace());
    }

    private Pop3Session open(Connection connection) {
        if (connection.isSecure()) {
            context.metrics().tlsHandshake("implicit", true);
        }
        return new Pop3Session(context, connection);
    }

    /** The port of the STLS listener, -1 when off (tests bind port 0). */
    public int port() {
        return group.port("pop3");
    }

    /** The port of the implicit-TLS listener, -1 when off. */
    public int implicitTlsPort() {
        return group.port("pop3s");
    }

    /** Stops both listeners together, each within the shutdown grace. */
    @Override
    public void stop() {
        group.stop();
    }

    @Override
    public String stopThreadName() {
        return "courriel-pop3-stop";
    }

    @Override
    public boolean isRunning() {
        return group.isRunning();
    }
}
