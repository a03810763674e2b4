package org.courriel.deploy.sieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.courriel.store.testing.FakeSmtpServer;
import org.courriel.CourrielApplication;
import org.courriel.managesieve.ManageSieveServer;
import org.courriel.mta.smtp.ListenerKind;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.courriel.store.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13's "done when", Sieve half: a user sets an out-of-office reply and a "file list mail into Lists"
 * rule over ManageSieve; mail from a sender gets one vacation reply and no more, list mail lands in Lists,
 * and the redirected copies reach an external SMTP server on loopback, all through the real listeners
 * and the real outbound queue.
 */
@SpringBootTest(classes = CourrielApplication.class, properties = {
        "courriel.data-dir=target/test-data/sieve-done-when",
        "spring.datasource.url=jdbc:h2:mem:sieve-done-when;DB_CLOSE_DELAY=-1",
        "courriel.queue.poll-interval=200ms"})
class SieveDoneWhenTest {

    /** The external mail server: accepts everything and remembers each transaction. */
    private static final FakeSmtpServer SINK = FakeSmtpServer.start("sink");
    private static final String PASSWORD = "dora's password";

    @DynamicPropertySource
    static void routeRemoteDomainsToTheSink(DynamicPropertyRegistry registry) {
        registry.add("courriel.relay.routes[crepes.example]", SINK::route);
        registry.add("courriel.relay.routes[elsewhere.example]", SINK::route);
    }

    @AfterAll
    static void stopTheSink() {
        SINK.close();
    }

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    SmtpServers smtp;
    @Autowired
    ManageSieveServer manageSieve;

    @Test
    void outOfOfficeListFolderAndForwardSetOverManageSieve() throws Exception {
        domains.add("sieve.example");
        AccountInfo dora = accounts.create("dora@sieve.example", PASSWORD, "Dora", 0);
        upload("""
                require ["fileinto", "mailbox", "vacation", "copy"];
                if header :contains "List-Id" "dev.lists.example" {
                    fileinto :create "Lists";
                    stop;
                }
                redirect :copy "dora@elsewhere.example";
                vacation :days 7 :subject "Out of office" "I am away until Monday.";
                """);

        String toDora = "From: Alice <alice@crepes.example>\r\nTo: dora@sieve.example\r\n";
        send("alice@crepes.example", toDora + "Message-ID: <1@crepes.example>\r\nSubject: lunch?\r\n\r\nhi\r\n");
        send("alice@crepes.example", toDora + "Message-ID: <2@crepes.example>\r\nSubject: again\r\n\r\nhi\r\n");
        send("list-bounces@lists.example", "From: Bob <bob@lists.example>\r\nTo: dev@lists.example\r\n"
                + "List-Id: Developers <dev.lists.example>\r\nSubject: release\r\n\r\nnews\r\n");

        Await.until("two forwarded copies and one vacation reply at the external server", Duration.ofSeconds(60),
                () -> SINK.transactions.size() >= 3);
        List<FakeSmtpServer.Transaction> replies = SINK.transactions.stream()
                .filter(t -> t.recipients().contains("alice@crepes.example")).toList();
        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.mailFrom()).isEmpty();
            assertThat(r.text()).contains("Auto-Submitted: auto-replied").contains("Subject: Out of office")
                    .contains("In-Reply-To: <1@crepes.example>").contains("I am away until Monday.");
        });
        List<FakeSmtpServer.Transaction> forwarded = SINK.transactions.stream()
                .filter(t -> t.recipients().contains("dora@elsewhere.example")).toList();
        assertThat(forwarded).hasSize(2).allSatisfy(t -> {
            assertThat(t.mailFrom()).isEqualTo("alice@crepes.example");
            assertThat(t.text()).startsWith("Delivered-To: dora@sieve.example\r\n");
        });
        assertThat(count(dora, "Lists")).isEqualTo(1);
        assertThat(count(dora, "INBOX")).isEqualTo(2);
        assertThat(SINK.transactions).hasSize(3);
    }

    private long count(AccountInfo account, String mailbox) {
        return messages.uids(mailboxes.get(account.id(), mailbox).id()).length;
    }

    /** PUTSCRIPT and SETACTIVE as a ManageSieve client does (RFC 5804 §2.6, §2.8). */
    private void upload(String script) throws IOException {
        try (Socket s = new Socket("127.0.0.1", manageSieve.port())) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            assertThat(status(in)).startsWith("OK");
            String plain = Base64.getEncoder().encodeToString(("\0dora@sieve.example\0" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            command(out, "AUTHENTICATE \"PLAIN\" \"" + plain + "\"");
            assertThat(status(in)).startsWith("OK");
            command(out, "PUTSCRIPT \"rules\" {" + script.getBytes(StandardCharsets.UTF_8).length + "+}\r\n" + script);
            assertThat(status(in)).startsWith("OK");
            command(out, "SETACTIVE \"rules\"");
            assertThat(status(in)).startsWith("OK");
            command(out, "LOGOUT");
            assertThat(status(in)).startsWith("OK");
        }
    }

    private static void command(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String status(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.startsWith("OK") && !line.startsWith("NO") && !line.startsWith("BYE"));
        return line;
    }

    private void send(String from, String message) throws IOException {
        try (Socket s = new Socket("127.0.0.1", smtp.port(ListenerKind.MX))) {
            s.setSoTimeout(20_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, "EHLO crepes.example");
            expect(in, "250");
            command(out, "MAIL FROM:<" + from + ">");
            expect(in, "250");
            command(out, "RCPT TO:<dora@sieve.example>");
            expect(in, "250");
            command(out, "DATA");
            expect(in, "354");
            command(out, message + ".");
            expect(in, "250");
            command(out, "QUIT");
        }
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        assertThat(line).startsWith(code);
    }
}
