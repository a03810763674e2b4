package org.courriel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.courriel.access.net.Connection;
import org.courriel.access.net.ListenerGroup;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.ServedSession;
import org.courriel.access.net.SessionHandler;
import org.courriel.access.tls.TlsContext;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The listeners of one protocol started and stopped as one, over real sockets. */
class ListenerGroupTest {

    private ListenerGroup group;

    /** A session that greets, then waits until it is told to stop and says so. */
    private static final class WaitingSession implements ServedSession {
        private final Connection connection;
        private final CountDownLatch stop = new CountDownLatch(1);

        WaitingSession(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() throws IOException {
            write("HELLO");
            try {
                stop.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            write("BYE stopping");
        }

        @Override
        public void shutdown() {
            stop.countDown();
        }

        private void write(String line) throws IOException {
            connection.out().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            connection.out().flush();
        }
    }

    private static SessionHandler handler() {
        return new SessionHandler(WaitingSession::new,
                reason -> ("BUSY " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static ListenerSettings settings(String name, int port, boolean implicitTls) {
        return new ListenerSettings(name, "127.0.0.1", port, implicitTls, 10, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (group != null) {
            group.stop();
        }
    }

    @Test
    void aStoppingGroupTellsEverySessionOnEveryListener() throws Exception {
        group = new ListenerGroup("TEST", new TlsContext(TestTls.serverContext()), new SimpleMeterRegistry());
        SessionHandler sessions = handler();
        group.start(sessions, settings("plain", 0, false), settings("off", -1, false));

        assertThat(group.isRunning()).isTrue();
        assertThat(group.port("off")).isEqualTo(-1);
        try (Socket client = new Socket("127.0.0.1", group.port("plain"))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HELLO");
            try (Socket second = new Socket("127.0.0.1", group.port("plain"))) {
                // one connection per address: the second hears the protocol's refusal
                assertThat(new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine()).startsWith("BUSY ");
            }
            assertThat(sessions.openSessions()).isEqualTo(1);
            group.stop();
            assertThat(in.readLine()).isEqualTo("BYE stopping");
        }
        assertThat(group.isRunning()).isFalse();
        assertThat(sessions.openSessions()).isZero();
    }

    @Test
    void implicitTlsIsOffWithoutACertificate() {
        group = new ListenerGroup("TEST", new TlsContext((javax.net.ssl.SSLContext) null), new SimpleMeterRegistry());
        group.start(handler(), settings("plain", 0, false), settings("implicit", 0, true));

        assertThat(group.port("plain")).isPositive();
        assertThat(group.port("implicit")).isEqualTo(-1);
    }

    @Test
    void aListenerThatCannotOpenClosesTheOthers() throws Exception {
        group = new ListenerGroup("TEST", new TlsContext(TestTls.serverContext()), new SimpleMeterRegistry());
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> group.start(handler(), settings("first", 0, false),
                    settings("second", taken.getLocalPort(), false)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("TEST listener could not start");
        }
        assertThat(group.isRunning()).isFalse();
        assertThat(group.port("first")).isEqualTo(-1);
    }
}
