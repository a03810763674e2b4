package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.courriel.CourrielApplication;
import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.mta.queue.QueueEntry;
import org.courriel.mta.queue.QueueFilter;
import org.courriel.mta.queue.QueueService;
import org.courriel.mta.queue.RecipientState;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.util.FileSystemUtils;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * Two Courriel servers on loopback: A hosts a.example, B hosts b.example, and A's static route sends
 * b.example's mail to B's MX listener. A user of A submits over SMTP submission (STARTTLS, AUTH) with Angus
 * Mail; A's queue relays to B.
 */
class TwoInstanceRelayTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startBothServers() {
        // B first: A's route needs B's bound MX port
        b = start("b", List.of());
        int mx = b.getBean(SmtpServers.class).port(ListenerKind.MX);
        a = start("a", List.of("courriel.relay.routes[b.example]=127.0.0.1:" + mx));
        a.getBean(DomainService.class).add("a.example");
        b.getBean(DomainService.class).add("b.example");
    }

    @AfterAll
    static void stopBothServers() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    /** One Courriel application with its own in-memory database, data directory and ephemeral ports. */
    private static ConfigurableApplicationContext start(String name, List<String> extra) {
        String dir = "target/test-data/relay-" + name;
        FileSystemUtils.deleteRecursively(new java.io.File(dir));
        List<String> properties = new ArrayList<>(List.of(
                "courriel.data-dir=" + dir,
                "spring.datasource.url=jdbc:h2:mem:relay-" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "server.port=0",
                "server.address=127.0.0.1",
                "courriel.hostname=mail." + name + ".test",
                "courriel.relay.helo-name=mail." + name + ".test",
                "courriel.relay.timeouts.connect=2s",
                "courriel.queue.poll-interval=100ms",
                TestTls.CERTIFICATE,
                TestTls.PRIVATE_KEY));
        properties.addAll(extra);
        // as command-line arguments: they override application.yml (default properties would not)
        return new SpringApplicationBuilder(CourrielApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(DnsResolver.class,
                        TwoInstanceRelayTest::noDns, bd -> bd.setPrimary(true)))
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    /** Tests never touch DNS: routes are static, and any other domain does not exist. */
    private static DnsResolver noDns() {
        return new DnsResolver() {
            @Override
            public DnsAnswer<MxRecord> mx(String domain) {
                return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "tests have no DNS");
            }

            @Override
            public DnsAnswer<InetAddress> addresses(String host) {
                return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "tests have no DNS");
            }

            @Override
            public DnsAnswer<String> txt(String name) {
                return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "tests have no DNS");
            }
        };
    }

    private static AccountInfo account(ConfigurableApplicationContext server, String address) {
        return server.getBean(AccountService.class).create(address, PASSWORD, null, 0);
    }

    /** Submits {@code raw} unchanged as {@code from} to A's submission listener with STARTTLS and AUTH. */
    private static void submit(String from, String to, byte[] raw) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(a.getBean(SmtpServers.class).port(ListenerKind.SUBMISSION)));
        p.put("mail.smtp.localhost", "client.a.example");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.connectiontimeout", "20000");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.socketFactory", TestTls.clientContext().getSocketFactory());
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.from", from);
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport t = session.getTransport("smtp")) {
            t.connect(from, PASSWORD);
            // sendMessage, not Transport.send: no saveChanges, the bytes go out as written
            t.sendMessage(message, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(to)});
        }
    }

    private static List<byte[]> inbox(ConfigurableApplicationContext server, AccountInfo account) {
        MailboxService mailboxes = server.getBean(MailboxService.class);
        MessageService messages = server.getBean(MessageService.class);
        long inbox = mailboxes.get(account.id(), "INBOX").id();
        List<byte[]> contents = new ArrayList<>();
        for (long uid : messages.uids(inbox)) {
            contents.add(messages.content(messages.get(inbox, uid).orElseThrow().contentId()));
        }
        return contents;
    }

    private static List<QueueEntry> queuedBy(String sender) {
        return a.getBean(QueueService.class).list(new QueueFilter(null, sender, null, null, null, 10));
    }

    /** The message without the trace fields servers prepend (Return-Path, Received), folded lines included. */
    static byte[] withoutTraceFields(byte[] stored) {
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        int at = 0;
        boolean inTrace = false;
        while (at < text.length()) {
            int end = text.indexOf("\r\n", at);
            if (end < 0) {
                break;
            }
            String line = text.substring(at, end);
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("return-path:") || lower.startsWith("received:")) {
                inTrace = true;
            } else if (!(continuation && inTrace)) {
                break;
            }
            at = end + 2;
        }
        return text.substring(at).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void mailSubmittedToALandsInBsInboxByteExactAfterTheTraceFieldsAndAShowsItDelivered() throws Exception {
        AccountInfo alice = account(a, "alice@a.example");
        AccountInfo bob = account(b, "bob@b.example");
        byte[] original = ("From: Alice <alice@a.example>\r\n"
                + "To: Bob <bob@b.example>\r\n"
                + "Subject: Across two servers\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                + "Message-ID: <relay-1@a.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "X-Folded: first part\r\n"
                + "\tsecond part\r\n"
                + "\r\n"
                + "Hello Bob,\r\n"
                + ".\r\n"
                + "..a line that starts with dots\r\n"
                + "\r\n"
                + "trailing spaces stay   \r\n").getBytes(StandardCharsets.US_ASCII);

        submit(alice.address(), bob.address(), original);

        await("the message in B's INBOX", () -> inbox(b, bob).size() == 1);
        byte[] stored = inbox(b, bob).get(0);
        String storedText = new String(stored, StandardCharsets.US_ASCII);
        assertThat(storedText).startsWith("Return-Path: <alice@a.example>\r\n");
        // B's Received and A's (the submission's) are both above the original header
        assertThat(storedText.substring(0, storedText.indexOf("From: Alice")).split("\r\nReceived: ", -1))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(new String(withoutTraceFields(stored), StandardCharsets.US_ASCII))
                .isEqualTo(new String(original, StandardCharsets.US_ASCII));
        assertThat(withoutTraceFields(stored)).isEqualTo(original);

        await("A's queue to show the recipient delivered", () -> {
            List<QueueEntry> entries = queuedBy(alice.address());
            return entries.size() == 1 && entries.get(0).recipients().get(0).state() == RecipientState.DELIVERED;
        });
        QueueEntry entry = queuedBy(alice.address()).get(0);
        assertThat(entry.recipients()).extracting(QueueEntry.Recipient::address).containsExactly(bob.address());
        assertThat(entry.recipients().get(0).lastCode()).isEqualTo(250);
        assertThat(entry.recipients().get(0).lastHost()).contains("127.0.0.1");
        assertThat(inbox(a, alice)).isEmpty();
    }

    @Test
    void mailToAnUnknownUserOfBBouncesToTheSenderAtAWithBsReply() throws Exception {
        AccountInfo carol = account(a, "carol@a.example");
        byte[] original = ("From: <carol@a.example>\r\n"
                + "To: <nobody@b.example>\r\n"
                + "Subject: To nobody\r\n"
                + "Date: Mon, 23 Nov 2026 11:00:00 +0000\r\n"
                + "Message-ID: <relay-2@a.example>\r\n"
                + "\r\n"
                + "Is anyone there?\r\n").getBytes(StandardCharsets.US_ASCII);

        submit(carol.address(), "nobody@b.example", original);

        await("a DSN in the sender's INBOX at A", () -> inbox(a, carol).size() == 1);
        String dsn = new String(inbox(a, carol).get(0), StandardCharsets.UTF_8);
        assertThat(dsn).contains("multipart/report").contains("report-type=delivery-status")
                .contains("Final-Recipient: rfc822; nobody@b.example")
                .contains("Action: failed")
                .contains("Message-ID: <relay-2@a.example>");
        assertThat(dsn).containsPattern("Diagnostic-Code: smtp; ?550");
        QueueEntry entry = queuedBy(carol.address()).get(0);
        assertThat(entry.recipients().get(0).state()).isEqualTo(RecipientState.FAILED);
        assertThat(entry.recipients().get(0).lastReply()).startsWith("550");
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + PATIENCE + " waiting for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
