package org.courriel.pop3.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocket;

import org.courriel.imap.testing.ImapClient;
import org.courriel.pop3.testing.Pop3TestSupport;
import org.courriel.store.testing.SlowClient;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Bounds and defences: plaintext logins refused until STLS (as from any non-loopback client), a line too long
 * answered and skipped, a command line dribbled past the command timeout ending the session.
 */
@TestPropertySource(properties = {"courriel.imap.allow-plaintext-loopback=false", "courriel.pop3.command-timeout=1s",
        "courriel.pop3.max-line-length=300"})
class Pop3LimitsTest extends Pop3TestSupport {

    @Test
    void plaintextLoginIsRefusedAndNotOfferedUntilStls() throws Exception {
        try (ImapClient pop = new ImapClient(pop3Port())) {
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("CAPA");
            List<String> capa = multiLine(pop);
            assertThat(capa).contains("STLS").doesNotContain("USER", "SASL PLAIN SCRAM-SHA-256");
            pop.send("USER " + user);
            assertThat(pop.readLine()).isEqualTo("-ERR Plaintext login is disabled without TLS: use STLS first");
            pop.send("AUTH PLAIN =");
            assertThat(pop.readLine()).startsWith("-ERR Plaintext login is disabled");

            pop.send("STLS");
            assertThat(pop.readLine()).isEqualTo("+OK Begin TLS negotiation");
            SSLSocket tls = (SSLSocket) TestTls.clientContext().getSocketFactory()
                    .createSocket(pop.socket(), "localhost", pop3Port(), true);
            tls.startHandshake();
            pop.upgrade(tls);
            pop.send("CAPA");
            assertThat(multiLine(pop)).contains("USER", "SASL PLAIN SCRAM-SHA-256").doesNotContain("STLS");
            pop.send("STLS");
            assertThat(pop.readLine()).startsWith("-ERR TLS is active already");
            pop.send("USER " + user);
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("PASS " + PASSWORD);
            assertThat(pop.readLine()).isEqualTo("+OK Logged in");
            pop.send("QUIT");
            assertThat(pop.readLine()).startsWith("+OK");
        }
    }

    @Test
    void lineTooLongIsAnsweredAndTheSessionGoesOn() throws Exception {
        try (ImapClient pop = new ImapClient(pop3Port())) {
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("USER " + "x".repeat(5000));
            assertThat(pop.readLine()).isEqualTo("-ERR Line too long (at most 300 octets)");
            pop.send("NOOP");
            assertThat(pop.readLine()).isEqualTo("-ERR NOOP is not valid in the AUTHORIZATION state");
            pop.send("QUIT");
            assertThat(pop.readLine()).startsWith("+OK");
        }
    }

    @Test
    void commandDribbledPastTheCommandTimeoutEndsTheSession() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), pop3Port());
                ImapClient pop = new ImapClient(socket)) {
            assertThat(pop.readLine()).startsWith("+OK");
            SlowClient.dribble(socket, "CAPA CAPA CAPA CAPA\r\n", 200); // 4 s for one line, each pause short
            assertThat(pop.readLine()).isEqualTo("-ERR Command not received in time");
            assertThat(pop.readLine()).isNull();
        }
    }

    private static List<String> multiLine(ImapClient pop) throws IOException {
        assertThat(pop.readLine()).startsWith("+OK");
        List<String> lines = new ArrayList<>();
        for (String line = pop.readLine(); !line.equals("."); line = pop.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}
