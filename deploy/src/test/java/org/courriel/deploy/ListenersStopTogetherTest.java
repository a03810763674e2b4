package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.courriel.CourrielApplication;
import org.courriel.imap.server.ImapServer;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SMTP and IMAP listeners drain at the same time when the application stops: an SMTP session in the
 * middle of DATA and an IMAP FETCH to a client that reads nothing each hold their listener for the whole
 * grace, and the node still stops in about one grace, not two.
 */
class ListenersStopTogetherTest {

    private static final Duration GRACE = Duration.ofSeconds(3);
    /** Much more than the socket buffers of both ends hold. */
    private static final int BIG = 12 * 1024 * 1024;

    @Test
    void smtpAndImapSessionsHoldingTheirListenersCostOneGraceTogether() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CourrielApplication.class).run(
                "--courriel.data-dir=target/test-data/stop-together", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:stop-together;DB_CLOSE_DELAY=-1",
                "--courriel.imap.allow-plaintext-loopback=true", "--courriel.listeners.write-timeout=1m",
                "--courriel.listeners.shutdown-grace=" + GRACE.toSeconds() + "s", "--spring.main.banner-mode=off");
        try (Socket smtp = new Socket(); Socket imap = new Socket()) {
            app.getBean(DomainService.class).add("stop.example");
            AccountInfo account = app.getBean(AccountService.class).create("eve@stop.example", "eve's password",
                    "Eve", 0);
            byte[] big = ("Subject: big\r\n\r\n" + "x".repeat(998).concat("\r\n").repeat(BIG / 1000))
                    .getBytes(StandardCharsets.US_ASCII);
            app.getBean(MessageService.class).append(app.getBean(MailboxService.class).get(account.id(), "INBOX").id(),
                    big, Flags.NONE, Instant.now());

            smtp.connect(new InetSocketAddress("127.0.0.1", app.getBean(SmtpServers.class).port(ListenerKind.MX)));
            Session mx = new Session(smtp);
            mx.expect("220 ");
            mx.send("EHLO client.example.net");
            mx.expectLast("250");
            mx.send("MAIL FROM:<dave@elsewhere.example.net>");
            mx.expectLast("250");
            mx.send("RCPT TO:<eve@stop.example>");
            mx.expectLast("250");
            mx.send("DATA");
            mx.expectLast("354");
            mx.send("Subject: never finished"); // and no final dot: DATA is in flight until the grace ends

            imap.setReceiveBufferSize(4096);
            imap.connect(new InetSocketAddress("127.0.0.1", app.getBean(ImapServer.class).port()));
            Session client = new Session(imap);
            client.expect("* OK");
            client.send("a1 LOGIN eve@stop.example \"eve's password\"");
            client.expect("a1 OK");
            client.send("a2 SELECT INBOX");
            client.expectTagged("a2 OK");
            client.send("a3 FETCH 1 BODY.PEEK[]"); // read by nobody: the response blocks inside the command

            long stopping = System.nanoTime();
            app.close();
            Duration took = Duration.ofNanos(System.nanoTime() - stopping);
            assertThat(took).as("both listeners held for the grace").isGreaterThanOrEqualTo(GRACE);
            assertThat(took).as("the listeners drained together").isLessThan(GRACE.multipliedBy(2));
        } finally {
            app.close();
        }
    }

    /** A line-by-line client that reads only when told to. */
    private static final class Session {
        private final InputStream in;
        private final OutputStream out;

        Session(Socket socket) throws Exception {
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(String line) throws Exception {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        String line() throws Exception {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                assertThat(c).as("connection open").isNotNegative();
                b.append((char) c);
            }
            return b.toString().stripTrailing();
        }

        void expect(String prefix) throws Exception {
            assertThat(line()).startsWith(prefix);
        }

        /** The last line of a multi-line SMTP reply. */
        void expectLast(String code) throws Exception {
            String line;
            do {
                line = line();
            } while (line.length() > 3 && line.charAt(3) == '-');
            assertThat(line).startsWith(code);
        }

        void expectTagged(String prefix) throws Exception {
            String tag = prefix.substring(0, prefix.indexOf(' ') + 1);
            String line;
            do {
                line = line();
            } while (!line.startsWith(tag));
            assertThat(line).startsWith(prefix);
        }
    }
}
