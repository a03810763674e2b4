package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.util.List;

import javax.net.ssl.SSLSocket;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** STARTTLS, implicit TLS and LOGINDISABLED when plaintext is not allowed, even on loopback. */
@TestPropertySource(properties = "courriel.imap.allow-plaintext-loopback=false")
class TlsAndLoginTest extends ImapTestSupport {

    @Test
    void loginIsDisabledBeforeStartTlsAndWorksAfter() throws Exception {
        try (ImapClient client = new ImapClient(port())) {
            String greeting = client.readLine();
            assertThat(greeting).contains("STARTTLS").contains("LOGINDISABLED").doesNotContain("AUTH=PLAIN");
            assertThat(client.command("a1", "LOGIN " + user + " \"" + PASSWORD + "\""))
                    .last().asString().startsWith("a1 NO [PRIVACYREQUIRED]");
            assertThat(client.command("a2", "STARTTLS")).last().asString().startsWith("a2 OK");
            SSLSocket tls = (SSLSocket) TestTls.clientContext().getSocketFactory()
                    .createSocket(client.socket(), "127.0.0.1", port(), true);
            tls.startHandshake();
            client.upgrade(tls);
            List<String> caps = client.command("a3", "CAPABILITY");
            assertThat(caps.get(0)).contains("AUTH=PLAIN").doesNotContain("STARTTLS").doesNotContain("LOGINDISABLED");
            assertThat(client.command("a4", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString()
                    .startsWith("a4 OK");
        }
    }

    @Test
    void implicitTlsPortAcceptsLoginAtOnce() throws Exception {
        Socket socket = TestTls.clientContext().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                server.implicitTlsPort());
        try (ImapClient client = new ImapClient(socket)) {
            assertThat(client.readLine()).contains("AUTH=PLAIN").doesNotContain("STARTTLS");
            client.send("a1 AUTHENTICATE PLAIN");
            assertThat(client.readLine()).startsWith("+");
            client.send(java.util.Base64.getEncoder().encodeToString(("\0" + user + "\0" + PASSWORD).getBytes()));
            assertThat(client.readUntilTagged("a1")).last().asString().startsWith("a1 OK");
        }
    }

    @Test
    void wrongPasswordIsRefusedAndTheSessionGoesOn() throws Exception {
        Socket socket = TestTls.clientContext().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                server.implicitTlsPort());
        try (ImapClient client = new ImapClient(socket)) {
            client.readLine();
            assertThat(client.command("a1", "LOGIN " + user + " wrong-password")).last().asString()
                    .startsWith("a1 NO [AUTHENTICATIONFAILED]");
            assertThat(client.command("a2", "AUTHENTICATE PLAIN *")).last().asString().startsWith("a2 BAD");
            assertThat(client.command("a3", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString()
                    .startsWith("a3 OK");
        }
    }
}
