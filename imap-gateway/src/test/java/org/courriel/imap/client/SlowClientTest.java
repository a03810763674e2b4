package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.courriel.access.ListenersProperties;
import org.courriel.access.tls.TlsContext;
import org.courriel.imap.config.ImapProperties;
import org.courriel.imap.config.ImapsProperties;
import org.courriel.imap.server.ImapServer;
import org.courriel.imap.session.CommandDispatcher;
import org.courriel.imap.session.ImapContext;
import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.message.Flags;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.SlowClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Clients that read nothing or send a byte at a time, with timeouts of a second: a big FETCH to a non-reader
 * ends its connection, a dribbled command gets BYE, a stop does not wait on either.
 */
@Timeout(60)
@TestPropertySource(properties = {"courriel.listeners.write-timeout=1s", "courriel.listeners.shutdown-grace=1s",
        "courriel.imap.command-timeout=1s"})
class SlowClientTest extends ImapTestSupport {

    /** Much more than the socket buffers of both ends hold. */
    private static final int BIG = 12 * 1024 * 1024;

    @Autowired
    private ImapProperties properties;
    @Autowired
    private ImapsProperties imaps;
    @Autowired
    private ImapContext context;
    @Autowired
    private CommandDispatcher dispatcher;
    @Autowired
    private TlsContext tls;

    @Test
    void aBigFetchToAClientThatDoesNotReadEndsAfterTheWriteTimeout() throws Exception {
        bigMessage();
        double before = writeTimeouts("imap");
        try (ImapClient client = nonReader(port())) {
            client.send("a2 FETCH 1 BODY.PEEK[]");
            Await.until("the server to get there", Duration.ofSeconds(10), () -> writeTimeouts("imap") == before + 1);
            Await.until("the server to get there", Duration.ofSeconds(10), () -> meters().get("courriel.connections.open").tag("listener", "imap").gauge().value() == 0);
        }
    }

    @Test
    void aCommandDribbledPastTheCommandTimeoutGetsByeAndIsClosed() throws Exception {
        try (ImapClient client = login(new ImapClient(port()))) {
            Socket socket = client.socket();
            // 2.7 s for the command, a byte every 100 ms: far inside the idle timeout of each read
            Thread.ofVirtual().start(() -> SlowClient.dribble(socket, "a2 STATUS INBOX (MESSAGES)\r\n", 100));
            // cut, not answered: the whole command would have come after 2.7 s
            assertThat(client.readLine()).isEqualTo("* BYE Command not received in time");
            assertThat(client.readLine()).isNull();
        }
        assertThat(meters().get("courriel.imap.timeouts").tag("kind", "deadline").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAuthenticateResponseDribbledPastTheCommandTimeoutGetsByeAndIsClosed() throws Exception {
        try (ImapClient client = new ImapClient(port())) {
            assertThat(client.readLine()).startsWith("* OK");
            client.send("a1 AUTHENTICATE PLAIN");
            assertThat(client.readLine()).startsWith("+");
            // RFC 9051 §6.2.2: the response line is client input before login like any command, and must arrive
            // whole within the command timeout; 4 s a byte every 100 ms, each far inside the login timeout
            String credentials = java.util.Base64.getEncoder().encodeToString(
                    ("\0" + user + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            Thread.ofVirtual().start(() -> SlowClient.dribble(client.socket(), (credentials + "AAAA".repeat(4)).substring(0, 40)
                    + "\r\n", 100));
            assertThat(client.readLine()).isEqualTo("* BYE Command not received in time");
            assertThat(client.readLine()).isNull();
        }
    }

    @Test
    void stoppingSaysByeToAnIdleSessionAndDoesNotWaitOnANonReader() throws Exception {
        bigMessage();
        // a gateway of its own, stopped under its clients; the write timeout is not what frees the stop
        ImapServer own = new ImapServer(properties, imaps, new ListenersProperties(true, Duration.ofMinutes(1),
                Duration.ofSeconds(1)), context, dispatcher, tls, meters());
        own.start();
        try (ImapClient stuck = nonReader(own.port()); ImapClient idle = login(new ImapClient(own.port()))) {
            assertThat(idle.command("i1", "SELECT INBOX")).last().asString().startsWith("i1 OK");
            idle.send("i2 IDLE");
            assertThat(idle.readLine()).startsWith("+ ");
            stuck.send("a2 FETCH 1 BODY.PEEK[]");
            long started = System.nanoTime();
            Thread stopping = Thread.ofVirtual().start(own::stop);
            assertThat(stopping.join(Duration.ofSeconds(10))).as("stop returned").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            // RFC 9051 §7.1.5
            assertThat(idle.readLine()).isEqualTo("* BYE Server shutting down");
            assertThat(idle.readLine()).isNull();
        } finally {
            own.stop();
        }
    }

    private void bigMessage() {
        byte[] message = ("Subject: big\r\n\r\n" + "x".repeat(998).concat("\r\n").repeat(BIG / 1000))
                .getBytes(StandardCharsets.US_ASCII);
        messages.append(mailboxes.get(account.id(), "INBOX").id(), message, Flags.NONE, Instant.now());
    }

    /** Logged in with INBOX selected, over a socket with a small receive window; reads nothing after that. */
    private ImapClient nonReader(int port) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        ImapClient client = login(new ImapClient(s));
        assertThat(client.command("a1", "SELECT INBOX")).last().asString().startsWith("a1 OK");
        return client;
    }

    private ImapClient login(ImapClient client) throws IOException {
        assertThat(client.readLine()).startsWith("* OK");
        assertThat(client.command("a0", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString().startsWith("a0 OK");
        return client;
    }

    private double writeTimeouts(String listener) {
        var counter = meters().find("courriel.connections.write-timeouts").tag("listener", listener).counter();
        return counter == null ? 0 : counter.count();
    }


}
