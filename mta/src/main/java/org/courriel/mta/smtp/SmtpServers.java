package org.courriel.mta.smtp;

import org.courriel.mta.smtp.session.ListenerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.courriel.store.lifecycle.ListenerLifecycle;

/** Starts the configured SMTP listeners with the application and stops them before the store goes away. */
public final class SmtpServers implements ListenerLifecycle {

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

    /** Closes the listeners together, so that stopping takes one shutdown grace, not one per listener. */
    @Override
    public synchronized void stop() {
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            servers.forEach(server -> closing.execute(server::close));
        }
        running = false;
    }

    @Override
    public String stopThreadName() {
        return "courriel-smtp-stop";
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
