package org.courriel.managesieve;

import java.nio.charset.StandardCharsets;

import org.courriel.access.ListenersProperties;
import org.courriel.access.net.ListenerGroup;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.SessionHandler;
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
    private final ListenerGroup group;

    ManageSieveServer(ManageSieveContext context, ListenersProperties listeners, TlsContext tls, MeterRegistry meters) {
        this.context = context;
        this.listeners = listeners;
        this.group = new ListenerGroup("ManageSieve", tls, meters);
    }

    @Override
    public void start() {
        ManageSieveProperties p = context.properties();
        if (p.enabled()) {
            group.start(new SessionHandler(connection -> new ManageSieveSession(connection, context),
                    // RFC 5804 §1.2: BYE ends the connection.
                    reason -> ("BYE \"" + reason.replace("\"", "'") + "\"\r\n").getBytes(StandardCharsets.UTF_8)),
                    new ListenerSettings("managesieve", p.bindAddress(), p.port(), false, p.maxConnections(),
                            p.maxConnectionsPerIp(), p.loginTimeout(), listeners.writeTimeout(),
                            listeners.shutdownGrace()));
        }
    }

    /** The listener's port (tests bind port 0), -1 when off. */
    public int port() {
        return group.port("managesieve");
    }

    @Override
    public void stop() {
        group.stop();
    }

    @Override
    public String stopThreadName() {
        return "courriel-managesieve-stop";
    }

    @Override
    public boolean isRunning() {
        return group.isRunning();
    }
}
