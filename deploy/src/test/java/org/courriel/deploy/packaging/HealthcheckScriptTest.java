package org.courriel.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** deploy/docker/healthcheck, the image's HEALTHCHECK, against a real HTTP server on a loopback port. */
class HealthcheckScriptTest {

    private static final String SCRIPT = PackagingFiles.DEPLOY.resolve("docker/healthcheck").toString();
    private HttpServer server;
    private volatile int readinessStatus = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(readinessStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void succeedsWhenReadinessAnswers200() {
        assertThat(check(port()).exitCode()).isZero();
    }

    @Test
    void failsWhenTheServerIsNotReady() {
        readinessStatus = 503;
        PackagingFiles.Result result = check(port());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("503");
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(check(closed).exitCode()).isEqualTo(1);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private static PackagingFiles.Result check(int port) {
        return PackagingFiles.run("bash", SCRIPT, String.valueOf(port));
    }
}
