package org.courriel.mta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import courriel.test.auth.InboundAuthTestApplication;
import org.courriel.mta.auth.arc.ArcDkimpy;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MX with ARC (RFC 8617) over SMTP on loopback: a message of a {@code p=reject} domain that a mailing list
 * passed on (so that it fails DMARC here) carries the list's ARC chain, sealed by dkimpy. From the trusted
 * sealer it is delivered, with {@code arc=pass} and the override in Authentication-Results (RFC 7489 §6.7); the
 * same chain from a sealer not trusted is refused with 550 5.7.1, as is a trusted chain broken on the way.
 */
@SpringBootTest(classes = InboundAuthTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:arc-${random.uuid};DB_CLOSE_DELAY=-1",
        "courriel.hostname=mx.hamburger.edu",
        "courriel.mx.port=0", "courriel.mx.bind-address=127.0.0.1",
        "courriel.submission.port=0", "courriel.submission.bind-address=127.0.0.1",
        "courriel.submissions.enabled=false",
        "courriel.dns.timeout=1s",
        "courriel.auth.arc.trusted-sealers=Lists.example"})
@ExtendWith(FailOnErrorLogs.class)
class ArcEndToEndTest {

    static final TestDnsServer DNS = TestDnsServer.start();

    @TempDir
    static Path dir;
    static ArcDkimpy.Sealer list;
    static ArcDkimpy.Sealer stranger;

    @DynamicPropertySource
    static void dns(DynamicPropertyRegistry registry) {
        registry.add("courriel.dns.servers", DNS::address);
    }

    @Autowired
    SmtpServers servers;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;

    @BeforeAll
    static void sealers() throws Exception {
        list = ArcDkimpy.sealer(dir, "lists.example", "arc");
        stranger = ArcDkimpy.sealer(dir, "stranger.example", "arc");
        DNS.zone("lists.example", list.zoneLine());
        DNS.zone("stranger.example", stranger.zoneLine());
        DNS.zone("bank.example", """
                @      TXT "v=spf1 ip4:192.0.2.0/24 -all"
                _dmarc TXT "v=DMARC1; p=reject"
                """);
    }

    @AfterAll
    static void stopDns() {
        DNS.close();
    }

    @BeforeEach
    void account() {
        if (!domains.isLocal("hamburger.edu")) {
            domains.add("hamburger.edu");
        }
        accounts.find("bob@hamburger.edu").orElseGet(() -> accounts.create("bob@hamburger.edu", "pw pw pw pw",
                "Bob", 0));
    }

    /** The bank's message as a list passes it on: the list checked it (dmarc=pass), added a footer, sealed. */
    static String throughTheList(ArcDkimpy.Sealer sealer) throws Exception {
        return throughTheList(sealer, "spf=pass smtp.mailfrom=bank.example; dmarc=pass header.from=bank.example");
    }

    /** As the other, the list having found {@code results} when the message reached it. */
    static String throughTheList(ArcDkimpy.Sealer sealer, String results) throws Exception {
        String original = "Authentication-Results: " + sealer.domain() + "; " + results + "\r\n"
                + "From: Bank <news@bank.example>\r\nTo: customers@" + sealer.domain() + "\r\n"
                + "Subject: Quarterly letter\r\nMessage-ID: <q4@bank.example>\r\n\r\nDear customer,\r\n"
                + "-- \r\nTo unsubscribe, write to the list.\r\n";
        return ArcDkimpy.seal(original, sealer, sealer.domain());
    }

    private String send(String message) throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.expect("220 ");
            c.send("EHLO mail.lists.example").reply();
            c.send("MAIL FROM:<bounces@lists.example>").expect("250 ");
            c.send("RCPT TO:<bob@hamburger.edu>").expect("250 ");
            c.send("DATA").expect("354 ");
            c.raw(message + ".\r\n");
            return c.line();
        }
    }

    private List<String> inbox() {
        AccountInfo bob = accounts.find("bob@hamburger.edu").orElseThrow();
        List<String> contents = new ArrayList<>();
        mailboxes.find(bob.id(), "INBOX").ifPresent(box -> {
            for (long uid : messages.uids(box.id())) {
                var record = messages.get(box.id(), uid).orElseThrow();
                contents.add(new String(messages.content(record.contentId()), StandardCharsets.UTF_8));
            }
        });
        return contents;
    }

    private static String ourResults(String stored) {
        String header = stored.substring(stored.indexOf("Authentication-Results: mx.hamburger.edu;"));
        return header.substring(0, header.indexOf("\r\n", header.indexOf("dmarc=")));
    }

    @Test
    void aTrustedSealersPassingChainOverridesTheDmarcReject() throws Exception {
        int before = inbox().size();
        assertThat(send(throughTheList(list))).startsWith("250 2.0.0");
        List<String> inbox = inbox();
        assertThat(inbox).hasSize(before + 1);
        String results = ourResults(inbox.getLast());
        assertThat(results).contains("arc=pass (i=1 sealer=lists.example) header.oldest-pass=0",
                "smtp.remote-ip=127.0.0.1",
                "dmarc=fail (p=reject dis=none policy.override=arc sealer=lists.example) header.from=bank.example");
    }

    @Test
    void theSameChainFromASealerNotTrustedIsRefused() throws Exception {
        int before = inbox().size();
        assertThat(send(throughTheList(stranger))).startsWith("550 5.7.1");
        assertThat(inbox()).hasSize(before);
    }

    @Test
    void aTrustedChainBrokenOnTheWayIsRefused() throws Exception {
        int before = inbox().size();
        String tampered = throughTheList(list).replace("Dear customer,", "Dear customer, pay here:");
        assertThat(send(tampered)).startsWith("550 5.7.1");
        assertThat(inbox()).hasSize(before);
    }

    /** RFC 8617 §7.2.1: what a trusted sealer found is trusted, so a forgery it saw fail and sealed stays refused. */
    @Test
    void aTrustedSealerThatFoundDmarcFailingOverridesNothing() throws Exception {
        int before = inbox().size();
        String forged = throughTheList(list, "spf=fail smtp.mailfrom=bank.example;"
                + " dmarc=fail (comment: dmarc=pass header.from=bank.example) header.from=bank.example");
        assertThat(send(forged)).startsWith("550 5.7.1");
        assertThat(inbox()).hasSize(before);
    }
}
