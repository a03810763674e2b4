package org.courriel.mta.spam.rspamd;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.courriel.mta.spam.SpamAction;
import org.courriel.mta.spam.SpamDecision;
import org.courriel.mta.spam.SpamProperties;
import org.courriel.mta.spam.SpamRequest;
import org.courriel.mta.spam.SpamVerdict;
import org.courriel.mta.testing.RspamdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The filter against Debian's rspamd, and against servers that are not rspamd or do not answer. */
class RspamdFilterTest {

    static RspamdServer rspamd;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startRspamd() {
        rspamd = RspamdServer.start();
    }

    @AfterAll
    static void stopRspamd() {
        if (rspamd != null) {
            rspamd.close();
        }
    }

    static SpamProperties.Rspamd settings(String url, Duration timeout) {
        return new SpamProperties.Rspamd(url, timeout, Duration.ofSeconds(1), SpamProperties.Unavailable.ACCEPT,
                DataSize.ofMegabytes(20), DataSize.ofMegabytes(1));
    }

    static SpamRequest request() {
        return new SpamRequest("192.0.2.7", "mail.example.net", "", "alice@example.net", List.of("bob@example.org"), "",
                "Q1");
    }

    static byte[] message(String body) {
        return ("From: Alice <alice@example.net>\r\nTo: bob@example.org\r\nSubject: Lunch\r\n"
                + "Date: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <lunch-1@example.net>\r\n\r\n" + body + "\r\n")
                .getBytes(US_ASCII);
    }

    @Test
    void gtubeIsRejectedWithRspamdsText() {
        try (RspamdFilter filter = new RspamdFilter(settings(rspamd.url(), Duration.ofSeconds(20)), meters)) {
            SpamVerdict verdict = filter.score(request(), message(RspamdServer.GTUBE));
            assertThat(verdict.available()).isTrue();
            assertThat(verdict.action()).isEqualTo(SpamAction.REJECT);
            assertThat(verdict.decision(SpamProperties.Unavailable.ACCEPT)).isEqualTo(SpamDecision.REJECT);
            assertThat(verdict.reason()).containsIgnoringCase("gtube");
            assertThat(meters.get("courriel.spam.checks").tag("result", "reject").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void aPlainMessageIsDelivered() {
        try (RspamdFilter filter = new RspamdFilter(settings(rspamd.url(), Duration.ofSeconds(20)), meters)) {
            SpamVerdict verdict = filter.score(request(), message("Shall we meet at noon? Alice"));
            assertThat(verdict.available()).isTrue();
            assertThat(verdict.decision(SpamProperties.Unavailable.ACCEPT)).isEqualTo(SpamDecision.DELIVER);
            assertThat(verdict.score()).isLessThan(4);
        }
    }

    @Test
    void aClosedPortIsUnavailableAtOnce() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (RspamdFilter filter = new RspamdFilter(settings("http://127.0.0.1:" + closed, Duration.ofSeconds(5)), meters)) {
            SpamVerdict verdict = filter.score(request(), message("hello"));
            assertThat(verdict.available()).isFalse();
            assertThat(verdict.reason()).contains("not reachable");
            assertThat(meters.get("courriel.spam.checks").tag("result", "unavailable").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void aServerThatNeverAnswersCostsTheTimeoutAndNoMore() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                RspamdFilter filter = new RspamdFilter(
                        settings("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(500)), meters)) {
            Thread.ofVirtual().start(() -> {
                try (Socket accepted = silent.accept()) {
                    accepted.getInputStream().readAllBytes(); // reads the request, never answers
                } catch (IOException ignored) {
                    // the filter gave up and closed the connection
                }
            });
            long start = System.nanoTime();
            SpamVerdict verdict = filter.score(request(), message("hello"));
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(verdict.available()).isFalse();
            assertThat(verdict.reason()).contains("did not answer");
            assertThat(elapsed).isBetween(400L, 5_000L);
        }
    }

    @Test
    void aServerThatIsNotRspamdIsUnavailable() throws Exception {
        try (ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                RspamdFilter filter = new RspamdFilter(
                        settings("http://127.0.0.1:" + proxy.getLocalPort(), Duration.ofSeconds(5)), meters)) {
            Thread.ofVirtual().start(() -> answer(proxy, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    + "Content-Length: 21\r\nConnection: close\r\n\r\n<html>welcome</html>\n"));
            SpamVerdict verdict = filter.score(request(), message("hello"));
            assertThat(verdict.available()).isFalse();
            assertThat(verdict.reason()).contains("cannot be read");
        }
    }

    @Test
    void anHttpErrorIsUnavailable() throws Exception {
        try (ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                RspamdFilter filter = new RspamdFilter(
                        settings("http://127.0.0.1:" + proxy.getLocalPort(), Duration.ofSeconds(5)), meters)) {
            Thread.ofVirtual().start(() -> answer(proxy,
                    "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            SpamVerdict verdict = filter.score(request(), message("hello"));
            assertThat(verdict.available()).isFalse();
            assertThat(verdict.reason()).contains("HTTP 503");
        }
    }

    private static void answer(ServerSocket server, String response) {
        try (Socket accepted = server.accept()) {
            var in = accepted.getInputStream();
            // Read the request head and its body (Content-Length), then answer.
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            var length = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
            in.readNBytes(length);
            OutputStream out = accepted.getOutputStream();
            out.write(response.getBytes(US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // the test's assertion says what went wrong
        }
    }
}
