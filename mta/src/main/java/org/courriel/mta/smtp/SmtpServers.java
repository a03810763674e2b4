package org.courriel.mta.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.courriel.store.lifecycle.ShutdownPhase;
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

    /** Closes the listeners together, so that stopping takes one shutdown grace, not one per listener. */
    @Override
    public synchronized void stop() {
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            servers.forEach(server -> closing.execute(server::close));
        }
        running = false;
    }

    /**
     * Stops on a thread of its own and reports when done, so that the IMAP listeners, in the same phase, drain
     * at the same time: the node's listeners take one grace together, not one each.
     */
    @Override
    public void stop(Runnable callback) {
        Thread.ofVirtual().name("courriel-smtp-stop").start(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        });
    }

    /** The first to stop ({@link ShutdownPhase#LISTENERS}): no new sessions while the rest winds down. */
    @Override
    public int getPhase() {
        return ShutdownPhase.LISTENERS;
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
