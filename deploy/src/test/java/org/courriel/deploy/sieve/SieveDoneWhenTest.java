package org.courriel.deploy.sieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.courriel.CourrielApplication;
import org.courriel.imap.server.ImapServer;
import org.courriel.managesieve.ManageSieveServer;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.pop3.server.Pop3Server;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FakeSmtpServer;
import org.courriel.store.testing.TestTls;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13's "done when", the whole user story on the real application: a user sets an out-of-office reply,
 * a "file list mail into Lists" rule and a forward from Debian's ManageSieve client, sieve-connect; mail from
 * a sender gets one vacation reply and no more, list mail lands in Lists, the forwarded copies reach an
 * external SMTP server on loopback with an SRS reverse-path, all through the real listeners and the real
 * outbound queue; then Python's poplib downloads and deletes the INBOX while an IMAP client in IDLE is told
 * of each expunge.
 */
@SpringBootTest(classes = CourrielApplication.class, properties = {
        "courriel.data-dir=target/test-data/sieve-done-when",
        "spring.datasource.url=jdbc:h2:mem:sieve-done-when;DB_CLOSE_DELAY=-1",
        "courriel.hostname=mx.sieve.example", "courriel.imap.allow-plaintext-loopback=true",
        "courriel.queue.poll-interval=200ms", TestTls.CERTIFICATE, TestTls.PRIVATE_KEY})
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
    @Autowired
    ImapServer imap;
    @Autowired
    Pop3Server pop3;

    @TempDir
    Path dir;

    @Test
    void outOfOfficeListFolderAndForwardSetOverManageSieveThenPop3EmptiesTheInboxWhileImapWatches() throws Exception {
        domains.add("sieve.example");
        AccountInfo dora = accounts.create("dora@sieve.example", PASSWORD, "Dora", 0);
        sieveConnect("""
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
            // SRS: SPF at the target checks our domain, which sends it (the hash is read without regard to case)
            assertThat(t.mailFrom()).matches("(?i)SRS0=[a-z0-9+/]{6}=[a-z2-7]{2}=crepes\\.example=alice@mx\\.sieve\\.example");
            assertThat(t.text()).startsWith("Delivered-To: dora@sieve.example\r\n");
        });
        assertThat(count(dora, "Lists")).isEqualTo(1);
        assertThat(count(dora, "INBOX")).isEqualTo(2);
        assertThat(SINK.transactions).hasSize(3);

        // A bounce of the forward comes back to the SRS address and reaches Alice through the queue.
        send("", forwarded.getFirst().mailFrom(), "From: MAILER-DAEMON@elsewhere.example\r\nTo: "
                + forwarded.getFirst().mailFrom() + "\r\nSubject: Undelivered Mail\r\n\r\nbounced\r\n");
        Await.until("the bounce at Alice's server", Duration.ofSeconds(60), () -> SINK.transactions.size() >= 4);
        assertThat(SINK.transactions.get(3)).satisfies(t -> {
            assertThat(t.mailFrom()).isEmpty();
            assertThat(t.recipients()).containsExactly("alice@crepes.example");
        });

        pop3EmptiesTheInboxWhileImapWatches(dora, 2);
    }

    /** Python's poplib downloads and deletes the INBOX; an IMAP client in IDLE hears each expunge (RFC 9051 §7.5.1). */
    private void pop3EmptiesTheInboxWhileImapWatches(AccountInfo account, int messageCount) throws Exception {
        try (Socket s = new Socket("127.0.0.1", imap.port())) {
            s.setSoTimeout(20_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            in.readLine(); // greeting
            command(out, "a1 LOGIN " + account.address() + " \"" + PASSWORD + "\"");
            assertThat(tagged(in, "a1")).startsWith("a1 OK");
            command(out, "a2 SELECT INBOX");
            List<String> selected = new ArrayList<>();
            String line;
            while (!(line = in.readLine()).startsWith("a2 ")) {
                selected.add(line);
            }
            assertThat(selected).contains("* " + messageCount + " EXISTS");
            command(out, "a3 IDLE");
            assertThat(in.readLine()).startsWith("+ ");

            String poplib = """
                    import poplib, ssl, sys
                    host, port, user, password, cafile = sys.argv[1:6]
                    pop = poplib.POP3_SSL(host, int(port), context=ssl.create_default_context(cafile=cafile), timeout=20)
                    pop.user(user)
                    pop.pass_(password)
                    count, _ = pop.stat()
                    for number in range(1, count + 1):
                        pop.retr(number)
                        pop.dele(number)
                    print("DOWNLOADED", count)
                    print("QUIT", pop.quit().decode())
                    """;
            Path cert = dir.resolve("cert.pem");
            try (var pem = getClass().getResourceAsStream("/testing/tls/cert.pem")) {
                Files.copy(pem, cert);
            }
            Process p = new ProcessBuilder(Tools.require("python3", "python3").toString(), "-c", poplib, "127.0.0.1",
                    Integer.toString(pop3.implicitTlsPort()), account.address(), PASSWORD, cert.toString())
                    .redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("poplib finished").isTrue();
            assertThat(p.exitValue()).as("poplib: %s", printed).isZero();
            assertThat(printed).contains("DOWNLOADED " + messageCount).contains("QUIT +OK");

            List<String> expunges = new ArrayList<>();
            while (expunges.size() < messageCount) {
                line = in.readLine(); // the IDLE updates, awaited as they come (20 s read timeout)
                if (line.endsWith(" EXPUNGE")) {
                    expunges.add(line);
                }
            }
            assertThat(expunges).allMatch(l -> l.matches("\\* [0-9]+ EXPUNGE"));
            command(out, "DONE");
            assertThat(tagged(in, "a3")).startsWith("a3 OK");
        }
        assertThat(count(account, "INBOX")).isZero();
        assertThat(count(account, "Lists")).isEqualTo(1);
    }

    private static String tagged(BufferedReader in, String tag) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.startsWith(tag + " "));
        return line;
    }

    private long count(AccountInfo account, String mailbox) {
        return messages.uids(mailboxes.get(account.id(), mailbox).id()).length;
    }

    /** Debian's sieve-connect uploads and activates the script over STARTTLS (RFC 5804 §2.6, §2.8). */
    private void sieveConnect(String script) throws Exception {
        Files.writeString(dir.resolve("rules.siv"), script);
        runSieveConnect("--localsieve", "rules.siv", "--remotesieve", "rules", "--upload");
        runSieveConnect("--remotesieve", "rules", "--activate");
        assertThat(runSieveConnect("--list")).contains("rules");
    }

    private String runSieveConnect(String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of(Tools.require("sieve-connect", "sieve-connect").toString(),
                "--server", "127.0.0.1", "--port", Integer.toString(manageSieve.port()), "--user", "dora@sieve.example",
                "--passwordfd", "0", "--notlsverify", "--authmech", "PLAIN"));
        command.addAll(List.of(action));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("sieve-connect finished").isTrue();
        assertThat(p.exitValue()).as("sieve-connect %s: %s", List.of(action), output).isZero();
        return output;
    }

    private static void command(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void send(String from, String message) throws IOException {
        send(from, "dora@sieve.example", message);
    }

    private void send(String from, String to, String message) throws IOException {
        try (Socket s = new Socket("127.0.0.1", smtp.port(ListenerKind.MX))) {
            s.setSoTimeout(20_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, "EHLO crepes.example");
            expect(in, "250");
            command(out, "MAIL FROM:<" + from + ">");
            expect(in, "250");
            command(out, "RCPT TO:<" + to + ">");
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
