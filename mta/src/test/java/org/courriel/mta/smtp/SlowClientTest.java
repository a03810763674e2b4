package org.courriel.mta.smtp;

import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.session.SmtpMetrics;
import org.courriel.mta.smtp.session.SmtpProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.courriel.access.ListenersProperties;
import org.courriel.mta.smtp.command.SmtpCommands;
import org.courriel.mta.smtp.policy.RecipientPolicy;
import org.courriel.mta.smtp.session.Authenticator;
import org.courriel.mta.smtp.session.MessageIntake;
import org.courriel.mta.smtp.session.SmtpContext;
import org.courriel.mta.smtp.session.SmtpDispatcher;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Recipient;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.SlowClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Clients that read nothing or send a byte at a time, against a listener of its own with timeouts of a second
 * or two: they are cut off, their slot is freed, and they cannot hold up a shutdown.
 */
@Timeout(60)
class SlowClientTest {

    private static final AccountInfo BOB = new AccountInfo(1, "bob@hamburger.edu", "Bob", 0, 0, true, false);
    /** Lines that each ask for a multi-line reply, for a client that never reads it. */
    private static final byte[] EHLOS = "EHLO flood.example\r\n".repeat(500).getBytes(StandardCharsets.US_ASCII);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger delivered = new AtomicInteger();
    private SmtpServer server;

    private SmtpServer start(int maxConnections, Duration writeTimeout) throws IOException {
        SmtpProperties properties = new SmtpProperties(2048, DataSize.ofKilobytes(64), 100, 1000,
                Duration.ofSeconds(2), Duration.ofSeconds(1), DataSize.ofBytes(500), DataSize.ofMegabytes(512), Duration.ofSeconds(5), false);
        SmtpContext context = new SmtpContext(ListenerKind.MX, "mx.hamburger.edu", properties,
                new RecipientPolicy(address -> new Recipient.Local(address, List.of(BOB), List.of())),
                (account, address) -> false, (client, user, password) -> new Authenticator.Outcome.Failure(),
                new MessageIntake((envelope, message) -> delivered.incrementAndGet()), new SmtpMetrics(meters, "mx"),
                Clock.systemUTC());
        server = new SmtpServer(context, new SmtpDispatcher(SmtpCommands.all()), new MxProperties(true, "127.0.0.1", 0, maxConnections, maxConnections),
                new ListenersProperties(true, writeTimeout, Duration.ofSeconds(1)), null, meters);
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientThatDoesNotReadItsRepliesIsDisconnectedAfterTheWriteTimeout() throws Exception {
        start(1, Duration.ofSeconds(1));
        try (Socket s = nonReader()) {
            // the server stops reading once its replies fill the buffers; the flood's write fails when it closes
            Thread flooding = Thread.ofVirtual().start(() -> flood(s, new AtomicLong()));
            assertThat(flooding.join(Duration.ofSeconds(15))).as("the server closed the connection").isTrue();
        }
        Await.until("the server to get there", Duration.ofSeconds(5), () -> meters.get("courriel.connections.open").tag("listener", "mx").gauge().value() == 0);
        assertThat(server.openSessions()).isZero();
        assertThat(meters.get("courriel.connections.write-timeouts").counter().count()).isEqualTo(1);
        try (SmtpClient next = new SmtpClient(server.port())) {
            next.expect("220 mx.hamburger.edu"); // max-connections is 1: the slot is free again
        }
    }

    @Test
    void stoppingWithAClientThatDoesNotReadTakesNoLongerThanTheGrace() throws Exception {
        start(10, Duration.ofMinutes(1)); // the write timeout is not what frees the shutdown
        try (Socket stuck = nonReader(); SmtpClient idle = new SmtpClient(server.port())) {
            idle.expect("220 mx.hamburger.edu");
            AtomicLong written = new AtomicLong();
            Thread flooding = Thread.ofVirtual().start(() -> flood(stuck, written));
            awaitStalled(written); // the session is blocked in a write, holding its replies' lock
            long started = System.nanoTime();
            Thread closing = Thread.ofVirtual().start(server::close);
            assertThat(closing.join(Duration.ofSeconds(10))).as("close returned").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            idle.expect("421 4.3.2 mx.hamburger.edu");
            assertThat(idle.closedByServer()).isTrue();
            assertThat(flooding.join(Duration.ofSeconds(5))).as("the stuck client was disconnected").isTrue();
            // close() returns once it closed the stuck socket; the session's thread unwinds just after
            Await.until("the server to get there", Duration.ofSeconds(5), () -> server.openSessions() == 0);
        }
    }

    @Test
    void aCommandLineDribbledPastTheCommandTimeoutIsCutWith421() throws Exception {
        start(10, Duration.ofMinutes(1));
        try (SmtpClient c = new SmtpClient(server.port())) {
            Socket s = c.socket();
            c.expect("220 mx.hamburger.edu");
            c.send("EHLO slow.example").expect("250");
            // 3.3 s for the line, a byte every 100 ms: far inside the 2 s timeout per read
            Thread.ofVirtual().start(() -> SlowClient.dribble(s, "MAIL FROM:<dribble@slow.example>\r\n", 100));
            c.expect("421 4.4.2"); // cut, not answered: the whole line would have come after 3.3 s
            assertThat(c.closedByServer()).isTrue();
            assertThat(meters.get("courriel.smtp.timeouts").tag("kind", "deadline").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void contentDribbledBelowTheMinimumRateIsCutWith421AndNotDelivered() throws Exception {
        start(10, Duration.ofMinutes(1));
        try (SmtpClient c = new SmtpClient(server.port())) {
            Socket s = c.socket();
            c.expect("220 mx.hamburger.edu");
            c.send("EHLO slow.example").expect("250");
            c.send("MAIL FROM:<dribble@slow.example>").expect("250");
            c.send("RCPT TO:<bob@hamburger.edu>").expect("250");
            c.send("DATA").expect("354");
            // 10 bytes a second, far below the 500 of the minimum rate; no pause reaches the 1 s data timeout
            Thread.ofVirtual().start(() -> SlowClient.dribble(s, "Subject: slow\r\n\r\none byte at a time\r\n.\r\n", 100));
            c.expect("421 4.4.2");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(delivered).hasValue(0);
    }

    @Test
    void aBdatChunkDribbledBelowTheMinimumRateIsCutWith421AndNotDelivered() throws Exception {
        start(10, Duration.ofMinutes(1));
        String chunk = "Subject: slow\r\n\r\none byte at a time\r\n";
        try (SmtpClient c = new SmtpClient(server.port())) {
            Socket s = c.socket();
            c.expect("220 mx.hamburger.edu");
            c.send("EHLO slow.example").expect("250");
            c.send("MAIL FROM:<dribble@slow.example>").expect("250");
            c.send("RCPT TO:<bob@hamburger.edu>").expect("250");
            c.send("BDAT " + chunk.length() + " LAST");
            Thread.ofVirtual().start(() -> SlowClient.dribble(s, chunk, 100));
            c.expect("421 4.4.2");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(delivered).hasValue(0);
    }

    @Test
    void aSteadyTransferAboveTheMinimumRateIsDelivered() throws Exception {
        start(10, Duration.ofMinutes(1));
        try (SmtpClient c = new SmtpClient(server.port())) {
            c.expect("220 mx.hamburger.edu");
            c.send("EHLO fast.example", "MAIL FROM:<a@fast.example>", "RCPT TO:<bob@hamburger.edu>", "DATA");
            c.expect("250");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.raw("Subject: big\r\n\r\n" + "x".repeat(998).concat("\r\n").repeat(30) + ".\r\n").expect("250 2.0.0");
        }
        assertThat(delivered).hasValue(1);
    }

    /** A client with a small receive window that sends EHLO after EHLO and never reads a reply. */
    private Socket nonReader() throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()));
        return s;
    }

    /** Writes EHLOs until the server closes the connection under the write. */
    private static void flood(Socket s, AtomicLong written) {
        try {
            OutputStream out = s.getOutputStream();
            while (true) {
                out.write(EHLOS);
                written.addAndGet(EHLOS.length);
            }
        } catch (IOException e) {
            // the server gave up on this client
        }
    }

    /** Waits until the flood makes no progress for half a second: the server stopped reading it. */
    private static void awaitStalled(AtomicLong written) throws InterruptedException {
        long last = -1;
        int quiet = 0;
        while (quiet < 5) {
            Thread.sleep(100);
            long now = written.get();
            quiet = now == last && now > 0 ? quiet + 1 : 0;
            last = now;
        }
    }


}
