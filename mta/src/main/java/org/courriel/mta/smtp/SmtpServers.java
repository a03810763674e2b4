package org.courriel.mta.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.SmartLifecycle;

/** Starts the configured SMTP listeners with the application and stops them before the store goes away. */
public final class SmtpServers implements SmartLifecycle {

    private final List<SmtpServer> servers;
    private volatile boolean running;

    public SmtpServers(List<SmtpServer> servers) {
        this.servers = new ArrayList<>(servers);
    }

    @Override
    public synchronized void start() {
        try {
            for (SmtpServer server : servers) {
                server.start();
            }
        } catch (IOException e) {
            servers.forEach(SmtpServer::close);
            throw new UncheckedIOException("cannot start the SMTP listeners", e);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        servers.forEach(SmtpServer::close);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The bound port of a running listener (tests use port 0). */
    public int port(ListenerKind kind) {
        return servers.stream().filter(s -> s.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException(kind + " listener is not enabled")).port();
    }
}
