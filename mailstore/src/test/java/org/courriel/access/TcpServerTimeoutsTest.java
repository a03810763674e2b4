package org.courriel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocket;

import org.courriel.access.net.Connection;
import org.courriel.access.net.ConnectionHandler;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.ReadDeadlineException;
import org.courriel.access.net.TcpServer;
import org.courriel.access.tls.TlsContext;
import org.courriel.store.testing.TestTls;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.SlowClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Write timeouts, read deadlines and the shutdown grace of the shared listener, over real loopback sockets. */
@Timeout(30)
class TcpServerTimeoutsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch writeFailed = new CountDownLatch(1);
    private final AtomicInteger stoppingCalls = new AtomicInteger();
    private TcpServer server;

    /**
     * Greets; then FLOOD writes without end, DEADLINE reads one line under a 1 s deadline from its first byte
     * (SLOW: and a minimum rate of 10 bytes a second; DEADLINE-NOW: from now) and answers with it or TOO SLOW.
     */
    private final ConnectionHandler handler = new ConnectionHandler() {
        @Override
        public void handle(Connection c) throws IOException {
            write(c, "HELLO");
            byte[] line;
            while ((line = c.lines().readLine(1000)) != null) {
                switch (new String(line, StandardCharsets.US_ASCII)) {
                    case "FLOOD" -> flood(c);
                    case "DEADLINE" -> underDeadline(c, 0, true);
                    case "SLOW" -> underDeadline(c, 10, true);
                    case "DEADLINE-NOW" -> underDeadline(c, 0, false);
                    default -> write(c, "?");
                }
            }
        }

        private void flood(Connection c) throws IOException {
            byte[] block = new byte[64 * 1024];
            try {
                while (true) {
                    c.out().write(block);
                }
            } catch (IOException e) {
                writeFailed.countDown();
                throw e;
            }
        }

        private void underDeadline(Connection c, long bytesPerSecond, boolean fromFirstByte) throws IOException {
            write(c, "GO");
            c.readDeadline(Duration.ofSeconds(1), bytesPerSecond, fromFirstByte);
            try {
                write(c, "GOT " + new String(c.lines().readLine(1000), StandardCharsets.US_ASCII));
            } catch (ReadDeadlineException e) {
                write(c, "TOO SLOW");
            } finally {
                c.clearReadDeadline();
            }
        }

        @Override
        public void refuse(Connection c, String reason) throws IOException {
            write(c, "BUSY " + reason);
        }

        @Override
        public void stopping() {
            stoppingCalls.incrementAndGet();
        }
    };

    private static void write(Connection c, String line) throws IOException {
        c.out().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        c.out().flush();
    }

    private void start(Duration writeTimeout, int maxConnections) throws IOException {
        start(writeTimeout, maxConnections, false);
    }

    private void start(Duration writeTimeout, int maxConnections, boolean implicitTls) throws IOException {
        server = new TcpServer(new ListenerSettings("test", "127.0.0.1", 0, implicitTls, maxConnections, 10,
                Duration.ofSeconds(20), writeTimeout, Duration.ofSeconds(1)),
                implicitTls ? new TlsContext(TestTls.serverContext()) : null, handler, meters);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A client that asks for a lot and reads nothing: small buffers, so the server's writes block soon. */
    private Socket nonReader() throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()));
        s.getOutputStream().write("FLOOD\r\n".getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    @Test
    void closesAConnectionWhoseWriteBlocksPastTheWriteTimeout() throws Exception {
        start(Duration.ofSeconds(1), 1);
        try (Socket s = nonReader()) {
            long started = System.nanoTime();
            assertThat(writeFailed.await(10, TimeUnit.SECONDS)).as("the blocked write failed").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            Await.until("the server to get there", Duration.ofSeconds(5), () -> server.openConnections() == 0);
            assertThat(meters.get("courriel.connections.write-timeouts").counter().count()).isEqualTo(1);
        }
        // the slot is free again (max-connections is 1)
        try (Socket next = new Socket("127.0.0.1", server.port())) {
            assertThat(reader(next).readLine()).isEqualTo("HELLO");
        }
    }

    @Test
    void closeLetsTheGraceRunOutThenClosesAConnectionStuckInAWrite() throws Exception {
        start(Duration.ofMinutes(1), 10);
        try (Socket s = nonReader()) {
            assertThat(reader(s).readLine()).isEqualTo("HELLO");
            long started = System.nanoTime();
            server.close();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(15)); // not the minute of the write timeout
            assertThat(stoppingCalls).hasValue(1);
            assertThat(writeFailed.await(5, TimeUnit.SECONDS)).as("the blocked write failed").isTrue();
            // the handler sees its write fail before its thread gives the connection back: wait for that
            Await.until("the stuck connection is given back", () -> server.openConnections() == 0);
        }
    }

    @Test
    void aLineDribbledPastTheReadDeadlineIsCut() throws Exception {
        start(Duration.ofMinutes(1), 10);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = reader(s);
            assertThat(in.readLine()).isEqualTo("HELLO");
            s.getOutputStream().write("DEADLINE\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("GO");
            // each pause is far below the 20 s idle timeout; the line as a whole takes 3 s
            Thread.ofVirtual().start(() -> SlowClient.dribble(s, "a line sent one byte at a time\r\n", 100));
            // cut, not answered: the whole line would have come after 3 s (no upper bound on time: CI is loaded)
            assertThat(in.readLine()).isEqualTo("TOO SLOW");
        }
    }

    @Test
    void theDeadlineGrowsWithEveryByteAtTheMinimumRate() throws Exception {
        start(Duration.ofMinutes(1), 10);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = reader(s);
            assertThat(in.readLine()).isEqualTo("HELLO");
            s.getOutputStream().write("SLOW\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("GO");
            // 32 bytes at 20 a second: 1.6 s, past the 1 s budget, but above the 10 bytes a second minimum
            SlowClient.dribble(s, "steady enough, for a slow link\r\n", 50);
            assertThat(in.readLine()).isEqualTo("GOT steady enough, for a slow link");
        }
    }

    @Test
    void aTlsRecordDribbledPastTheReadDeadlineIsCutToo() throws Exception {
        start(Duration.ofMinutes(1), 10, true);
        DribblingSocket raw = new DribblingSocket();
        raw.connect(new InetSocketAddress("127.0.0.1", server.port()));
        try (SSLSocket s = (SSLSocket) TestTls.clientContext().getSocketFactory()
                .createSocket(raw, "localhost", server.port(), true)) {
            s.startHandshake();
            BufferedReader in = reader(s);
            assertThat(in.readLine()).isEqualTo("HELLO");
            s.getOutputStream().write("DEADLINE-NOW\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("GO");
            // one TLS record of some 100 bytes, sent a byte every 100 ms: the server's stream sees one read
            raw.dribble = true;
            Thread.ofVirtual().start(() -> {
                try {
                    s.getOutputStream().write("a line that arrives inside one TLS record, one byte at a time\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the server cut the connection
                }
            });
            String answer;
            try {
                answer = in.readLine();
            } catch (IOException e) {
                answer = null;
            }
            assertThat(answer).as("the line was cut, not answered after its 10 s").isNull();
        }
    }

    /** A TCP socket that, once told to, sends every write a byte at a time, 100 ms apart. */
    private static final class DribblingSocket extends Socket {

        volatile boolean dribble;

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (!dribble) {
                        out.write(b, off, len);
                        return;
                    }
                    for (int i = 0; i < len; i++) {
                        out.write(b[off + i]);
                        out.flush();
                        try {
                            Thread.sleep(100); // the slow client under test
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            };
        }
    }


    private static BufferedReader reader(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

}
