package org.courriel.mta.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An HTTPS server on 127.0.0.1 that serves {@code /.well-known/mta-sts.txt} (RFC 8461 §3.3) for each domain
 * a test gives a policy, chosen by the Host header; its names are made to resolve to loopback with
 * {@link LoopbackNames}.
 */
public final class MtaStsPolicyServer implements AutoCloseable {

    private final HttpsServer server;
    private final Map<String, String> policies = new ConcurrentHashMap<>();

    private MtaStsPolicyServer(HttpsServer server) {
        this.server = server;
    }

    /** @param tls the server's certificate, which must name {@code mta-sts.<domain>} for every domain served */
    public static MtaStsPolicyServer start(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            MtaStsPolicyServer policyServer = new MtaStsPolicyServer(server);
            server.createContext("/.well-known/mta-sts.txt", policyServer::serve);
            server.start();
            return policyServer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code policy} at {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}. */
    public MtaStsPolicyServer policy(String domain, String policy) {
        String host = "mta-sts." + domain.toLowerCase(Locale.ROOT);
        LoopbackNames.add(host);
        policies.put(host, policy);
        return this;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        String policy = host == null ? null : policies.get(host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT));
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            if (policy == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = policy.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
