package org.courriel.mta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import courriel.test.auth.InboundAuthTestApplication;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.testing.MxEndToEndSupport;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AliasService;
import org.courriel.store.acl.Rights;
import org.courriel.store.mailbox.MailboxAccess;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The MX with its sender checks, over SMTP on loopback, every DNS answer from a loopback DNS server: a
 * dkimpy-signed message with SPF pass gets dkim=pass, spf=pass, dmarc=pass; a forged From of a p=reject
 * domain is refused at the end of DATA; p=quarantine goes to Junk; a dead DNS is 451 4.4.3 within its
 * timeouts; authenticated submission is not checked.
 */
@SpringBootTest(classes = InboundAuthTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:auth-${random.uuid};DB_CLOSE_DELAY=-1",
        MxEndToEndSupport.LOOPBACK_LISTENERS,
        "courriel.dns.timeout=1s"})
class MailAuthenticationEndToEndTest extends MxEndToEndSupport {

    static final TestDnsServer DNS = TestDnsServer.start();
    static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void dns(DynamicPropertyRegistry registry) {
        registry.add("courriel.dns.servers", DNS::address);
    }

    @Autowired
    AliasService aliases;
    @Autowired
    MailboxAccess access;

    @BeforeEach
    void zonesAndAccounts() {
        DNS.mode(TestDnsServer.Mode.ANSWER);
        DNS.zone("0.0.127.in-addr.arpa", "1 PTR client.relay.example.\n");
        DNS.zone("relay.example", "client A 127.0.0.1\n");
        DNS.zone("bank.example", """
                @      TXT "v=spf1 ip4:192.0.2.0/24 -all"
                _dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc@bank.example"
                """);
        DNS.zone("shop.example", """
                @      TXT "v=spf1 -all"
                _dmarc TXT "v=DMARC1; p=quarantine"
                """);
        host("hamburger.edu", "bob@hamburger.edu", "alice@hamburger.edu");
        Logger courriel = (Logger) LoggerFactory.getLogger("org.courriel");
        if (courriel.getAppender("auth-test") == null) {
            LOGS.setName("auth-test");
            LOGS.setContext(courriel.getLoggerContext());
            LOGS.start();
            courriel.addAppender(LOGS);
        }
        LOGS.list.clear();
    }

    @AfterEach
    void noServerErrors() {
        assertThat(LOGS.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage))
                .as("errors logged by the server").isEmpty();
    }

    @AfterAll
    static void stopDns() {
        DNS.close();
    }

    private static String last(List<String> messages) {
        assertThat(messages).isNotEmpty();
        return messages.getLast();
    }

    @Test
    void aSignedMessageWithSpfPassGetsDkimSpfAndDmarcPass() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = key.getPublic().getEncoded();
        DNS.zone("signed.example", """
                @                 TXT "v=spf1 ip4:127.0.0.1 -all"
                _dmarc            TXT "v=DMARC1; p=reject; adkim=s"
                ed._domainkey     TXT "v=DKIM1; k=ed25519; p=%s"
                """.formatted(Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, 44))));
        String message = "From: Alice <alice@signed.example>\r\nTo: bob@hamburger.edu\r\nSubject: Lunch\r\n"
                + "Authentication-Results: mx.hamburger.edu; dkim=pass header.d=forged.example\r\n"
                + "Authentication-Results: elsewhere.example; spf=fail\r\n"
                + "\r\nAt noon?\r\n";
        String signed = dkimsign(message, key);
        int before = folder("bob@hamburger.edu", "INBOX").size();
        assertThat(sendOnMx("alice@signed.example", "bob@hamburger.edu", signed)).startsWith("250 2.0.0");
        List<String> inbox = folder("bob@hamburger.edu", "INBOX");
        assertThat(inbox).hasSize(before + 1);
        String stored = last(inbox);
        assertThat(stored).startsWith("Return-Path: <alice@signed.example>\r\n"
                + "Received: from client.relay.example (client.relay.example [127.0.0.1])\r\n");
        String header = stored.substring(stored.indexOf("Authentication-Results: mx.hamburger.edu;"));
        header = header.substring(0, header.indexOf("\r\n", header.indexOf("dmarc=")));
        assertThat(header).contains("dkim=pass", "header.d=signed.example", "header.s=ed", "spf=pass",
                "smtp.mailfrom=signed.example", "dmarc=pass", "header.from=signed.example");
        // RFC 8601 §5: the forged field claiming our id is gone, the other server's kept.
        assertThat(stored).doesNotContain("header.d=forged.example").contains("elsewhere.example; spf=fail");
        assertThat(stored.split("Authentication-Results: mx.hamburger.edu", -1)).hasSize(2);
    }

    @Test
    void aForgedFromOfARejectDomainIsRefusedAtTheEndOfData() throws Exception {
        int before = folder("bob@hamburger.edu", "INBOX").size();
        String reply = sendOnMx("ceo@bank.example", "bob@hamburger.edu",
                "From: CEO <ceo@bank.example>\r\nSubject: Wire transfer\r\n\r\nPay now.\r\n");
        assertThat(reply).startsWith("550 5.7.1");
        assertThat(folder("bob@hamburger.edu", "INBOX")).hasSize(before);
        // A display name that looks like the domain changes nothing: the address counts.
        assertThat(sendOnMx("x@relay.example", "bob@hamburger.edu",
                "From: \"ceo@relay.example\" <ceo@bank.example>\r\nSubject: Hi\r\n\r\nPay.\r\n"))
                .startsWith("550 5.7.1");
    }

    @Test
    void aFailureUnderQuarantineGoesToJunkEvenWithoutAJunkFolder() throws Exception {
        AccountInfo alice = accounts.find("alice@hamburger.edu").orElseThrow();
        mailboxes.find(alice.id(), "Junk").ifPresent(m -> mailboxes.delete(alice.id(), "Junk"));
        mailboxes.unsubscribe(alice.id(), "Junk"); // a subscription outlives its mailbox (RFC 3501 §6.3.6)
        int inbox = folder("alice@hamburger.edu", "INBOX").size();
        assertThat(sendOnMx("offers@shop.example", "alice@hamburger.edu",
                "From: offers@shop.example\r\nSubject: Deal\r\n\r\nBuy.\r\n")).startsWith("250 2.0.0");
        assertThat(folder("alice@hamburger.edu", "INBOX")).hasSize(inbox);
        assertThat(last(folder("alice@hamburger.edu", "Junk"))).contains("dmarc=fail (p=quarantine dis=quarantine)",
                "spf=fail smtp.mailfrom=shop.example");
        assertThat(mailboxes.subscriptions(alice.id())).as("the Junk made for it shows in clients").contains("Junk");
    }

    @Test
    void quarantinedMailToASharedAddressGoesToItsInboxJunkWhichItsReadersSee() throws Exception {
        AccountInfo info = accounts.find("orders@hamburger.edu")
                .orElseGet(() -> accounts.createShared("orders@hamburger.edu", "Orders", 0));
        AccountInfo alice = accounts.find("alice@hamburger.edu").orElseThrow();
        if (access.find(alice.id(), "Shared Folders/orders").isEmpty()) {
            access.setAcl(info.id(), "INBOX", alice.address(), Rights.parse("lrs"));
        }
        assertThat(sendOnMx("offers@shop.example", "orders@hamburger.edu",
                "From: offers@shop.example\r\nSubject: Deal\r\n\r\nBuy.\r\n")).startsWith("250 2.0.0");

        assertThat(mailboxes.find(info.id(), "Junk")).as("no top-level Junk nobody reaches").isEmpty();
        assertThat(last(folder("orders@hamburger.edu", "INBOX/Junk"))).contains("dmarc=fail");
        var junk = access.find(alice.id(), "Shared Folders/orders/Junk").orElseThrow();
        assertThat(junk.mailbox().name()).isEqualTo("INBOX/Junk");
        assertThat(junk.rights()).isEqualTo(Rights.parse("lrs"));
    }

    @Test
    void aQuarantinedMessageIsStoredOnceAndFlaggedJunkHoweverManyAddressesReachTheAccount() throws Exception {
        if (!aliases.list().containsKey("sales@hamburger.edu")) {
            aliases.add("sales@hamburger.edu", List.of("alice@hamburger.edu"));
        }
        AccountInfo alice = accounts.find("alice@hamburger.edu").orElseThrow();
        int junk = folder("alice@hamburger.edu", "Junk").size();
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220 ");
            c.send("EHLO client.relay.example").reply();
            c.send("MAIL FROM:<offers@shop.example>").expect("250 ");
            c.send("RCPT TO:<alice@hamburger.edu>").expect("250 ");
            c.send("RCPT TO:<sales@hamburger.edu>").expect("250 ");
            c.send("DATA").expect("354 ");
            c.raw("From: offers@shop.example\r\nSubject: Deal\r\n\r\nBuy.\r\n.\r\n");
            assertThat(c.line()).startsWith("250 2.0.0");
        }
        assertThat(folder("alice@hamburger.edu", "Junk")).hasSize(junk + 1);
        var box = mailboxes.find(alice.id(), "Junk").orElseThrow();
        long[] uids = messages.uids(box.id());
        assertThat(messages.get(box.id(), uids[uids.length - 1]).orElseThrow().flags().keywords()).contains("$Junk");
    }

    @Test
    void aDeadDnsIsATemporaryFailureWithoutHang() throws Exception {
        DNS.zone("down.example", "_dmarc TXT \"v=DMARC1; p=reject\"\n");
        DNS.mode(TestDnsServer.Mode.SILENT);
        long started = System.nanoTime();
        String reply = sendOnMx("someone@down.example", "bob@hamburger.edu",
                "From: someone@down.example\r\nSubject: Hi\r\n\r\nHello.\r\n");
        assertThat(reply).startsWith("451 4.4.3");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void authenticatedSubmissionIsNotChecked() throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.SUBMISSION))) {
            c.expect("220 ");
            c.send("EHLO laptop").reply();
            c.send("AUTH PLAIN " + Base64.getEncoder().encodeToString(
                    "\0alice@hamburger.edu\0correct horse battery".getBytes(StandardCharsets.UTF_8))).expect("235 ");
            c.send("MAIL FROM:<alice@hamburger.edu>").expect("250 ");
            c.send("RCPT TO:<bob@hamburger.edu>").expect("250 ");
            c.send("DATA").expect("354 ");
            c.raw("From: alice@hamburger.edu\r\nSubject: Internal\r\n\r\nHi Bob.\r\n.\r\n");
            assertThat(c.line()).startsWith("250 2.0.0");
        }
        assertThat(last(folder("bob@hamburger.edu", "INBOX"))).contains("Subject: Internal")
                .doesNotContain("Authentication-Results");
    }

    private static String dkimsign(String message, KeyPair key) throws Exception {
        byte[] pkcs8 = key.getPrivate().getEncoded();
        Path keyFile = dir.resolve("ed.key");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(
                Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length)) + "\n");
        Process p = new ProcessBuilder(Tools.require("dkimsign", "python3-dkim").toString(), "--signalg",
                "ed25519-sha256", "--hcanon", "relaxed", "--bcanon", "relaxed", "ed", "signed.example",
                keyFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String signed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(signed).startsWith("DKIM-Signature:");
        return signed;
    }
}
