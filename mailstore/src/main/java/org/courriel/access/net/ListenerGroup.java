package org.courriel.access.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.courriel.access.tls.TlsContext;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The listeners of one protocol (IMAP on 143 and 993, POP3 on 110 and 995, ManageSieve on 4190), started together
 * and stopped together: their sessions drain within one shutdown grace, not one per listener.
 */
public final class ListenerGroup {

    private final String protocol;
    private final TlsContext tls;
    private final MeterRegistry meters;
    private final Map<String, TcpServer> servers = new LinkedHashMap<>();

    /** @param protocol the protocol's name in the error when a listener cannot start ("IMAP") */
    public ListenerGroup(String protocol, TlsContext tls, MeterRegistry meters) {
        this.protocol = protocol;
        this.tls = tls;
        this.meters = meters;
    }

    /**
     * Opens one listener for each of {@code settings} (a port below 0 is off; an implicit-TLS listener is off
     * without a certificate), all with {@code handler}. If one cannot open, those already open are closed.
     */
    public synchronized void start(ConnectionHandler handler, ListenerSettings... settings) {
        try {
            for (ListenerSettings s : settings) {
                if (s.port() < 0 || (s.implicitTls() && !tls.available())) {
                    continue;
                }
                TcpServer server = new TcpServer(s, tls, handler, meters);
                server.start();
                servers.put(s.name(), server);
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(protocol + " listener could not start", e);
        }
    }

    /** The bound port of the listener named {@code name} (tests bind port 0), -1 when it is off. */
    public synchronized int port(String name) {
        TcpServer server = servers.get(name);
        return server == null ? -1 : server.port();
    }

    /** Closes every listener at once: each tells its sessions, waits at most the shutdown grace, then closes. */
    public synchronized void stop() {
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            servers.values().forEach(server -> closing.execute(server::close));
        }
        servers.clear();
    }

    public synchronized boolean isRunning() {
        return !servers.isEmpty();
    }
}
