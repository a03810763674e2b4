package org.courriel.mta.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import courriel.test.spam.SpamTestApplication;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.testing.MxEndToEndSupport;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.mta.testing.RspamdServer;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MX's spam defences over SMTP on loopback, with Debian's rspamd and a loopback DNS server: GTUBE is refused
 * at the end of DATA, a clean message reaches INBOX with X-Spam-Status, a client on a blocklist is refused at
 * RCPT (postmaster excepted), greylisting defers a new sender once; and submission's hourly limit refuses the
 * message past it.
 */
@SpringBootTest(classes = SpamTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:spam-${random.uuid};DB_CLOSE_DELAY=-1",
        MxEndToEndSupport.LOOPBACK_LISTENERS,
        "courriel.dns.timeout=1s", "courriel.dns.cache-size=0", // each test lists the client or not
        "courriel.spam.dnsbl.zones=bl.test", "courriel.spam.dnsbl.allow-networks=",
        "courriel.spam.greylist.enabled=true", "courriel.spam.greylist.delay=2s",
        "courriel.limits.send.account-messages=2"})
@ExtendWith(FailOnErrorLogs.class)
class SpamDefenceEndToEndTest extends MxEndToEndSupport {

    static final TestDnsServer DNS = TestDnsServer.start();
    static final RspamdServer RSPAMD = RspamdServer.start();

    @DynamicPropertySource
    static void external(DynamicPropertyRegistry registry) {
        registry.add("courriel.dns.servers", DNS::address);
        registry.add("courriel.spam.rspamd.url", RSPAMD::url);
    }

    @BeforeEach
    void zonesAndAccounts() {
        DNS.mode(TestDnsServer.Mode.ANSWER);
        DNS.zone("bl.test", "");
        // The sender's domain passes DMARC by SPF, so greylisting lets it through at once.
        DNS.zone("friend.example", """
                @      TXT "v=spf1 ip4:127.0.0.1 -all"
                @      A   192.0.2.20
                _dmarc TXT "v=DMARC1; p=reject"
                """);
        DNS.zone("unknown.example", "@ A 192.0.2.21\n"); // a sender domain must exist (RFC 5321 §5.1)
        host("hamburger.edu", "bob@hamburger.edu", "postmaster@hamburger.edu", "alice@hamburger.edu",
                "carol@hamburger.edu");
    }

    @AfterAll
    static void stop() {
        DNS.close();
        RSPAMD.close();
    }

    private static String message(String body) {
        return message("friend@friend.example", body);
    }

    private static String message(String from, String body) {
        return "From: <" + from + ">\r\nTo: bob@hamburger.edu\r\nSubject: Hello\r\n"
                + "Message-ID: <" + System.nanoTime() + "@friend.example>\r\n\r\n" + body + "\r\n";
    }

    @Test
    void gtubeIsRefusedAtTheEndOfDataAndAPlainMessageIsDeliveredWithItsScore() throws Exception {
        int before = folder("bob@hamburger.edu", "INBOX").size();
        assertThat(sendOnMx("friend@friend.example", "bob@hamburger.edu", message(RspamdServer.GTUBE)))
                .startsWith("550 5.7.1");
        // the sender's own verdict is removed: only ours reaches the mailbox
        assertThat(sendOnMx("friend@friend.example", "bob@hamburger.edu",
                "X-Spam-Status: No, score=-100.00 required=15.00\r\nX-Spam-Score: -100\r\n"
                        + message("See you at noon."))).startsWith("250 2.0.0");
        List<String> inbox = folder("bob@hamburger.edu", "INBOX");
        assertThat(inbox).hasSize(before + 1);
        assertThat(inbox.getLast()).contains("X-Spam-Status: No, score=").contains("X-Spam-Score: ")
                .doesNotContain("-100");
        assertThat(inbox.getLast().split("X-Spam-Status:", -1)).hasSize(2);
    }

    @Test
    void aBlocklistedClientIsRefusedAtRcptButPostmasterHearsIt() throws Exception {
        DNS.zone("bl.test", """
                1.0.0.127 A   127.0.0.2
                1.0.0.127 TXT "Listed, see https://bl.test/127.0.0.1"
                """);
        assertThat(sendOnMx("friend@friend.example", "bob@hamburger.edu", message("hello")))
                .startsWith("554 5.7.1").contains("bl.test").contains("https://bl.test/127.0.0.1");
        assertThat(sendOnMx("friend@friend.example", "postmaster@hamburger.edu", message("Why am I listed?")))
                .startsWith("250 2.0.0");
    }

    @Test
    void aNewSenderIsGreylistedOnceUnlessItPassesDmarc() throws Exception {
        String stranger = "someone-" + System.nanoTime() + "@unknown.example";
        assertThat(sendOnMx(stranger, "alice@hamburger.edu", message(stranger, "first try"))).startsWith("451 4.7.1");
        // A real server retries after the delay; the retry is accepted.
        List<String> replies = new ArrayList<>();
        Await.until("the retry after the greylisting delay to be accepted", Duration.ofSeconds(20), () -> {
            try {
                String reply = sendOnMx(stranger, "alice@hamburger.edu", message(stranger, "second try"));
                replies.add(reply);
                return reply.startsWith("250");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(replies.getFirst()).startsWith("451 4.7.1");
        // friend.example passes DMARC by SPF: never greylisted.
        String friend = "friend" + System.nanoTime() + "@friend.example";
        assertThat(sendOnMx(friend, "alice@hamburger.edu", message(friend, "hi")))
                .startsWith("250 2.0.0");
    }

    @Test
    void submissionPastTheHourlyLimitIsDeferred() throws Exception {
        String auth = Base64.getEncoder().encodeToString(("\0alice@hamburger.edu\0" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.SUBMISSION))) {
                c.expect("220 ");
                c.send("EHLO laptop").reply();
                c.send("AUTH PLAIN " + auth).expect("235 ");
                c.send("MAIL FROM:<alice@hamburger.edu>").expect("250 ");
                c.send("RCPT TO:<bob@hamburger.edu>").expect("250 ");
                c.send("DATA").expect("354 ");
                c.raw("From: alice@hamburger.edu\r\nSubject: note " + i + "\r\n\r\nhi\r\n.\r\n");
                replies.add(c.line());
            }
        }
        assertThat(replies.get(0)).startsWith("250");
        assertThat(replies.get(1)).startsWith("250");
        assertThat(replies.get(2)).startsWith("451 4.7.1").contains("limit");
    }

    @Test
    void submissionIsScoredAsOutboundWithTheAccountAndGtubeIsRefused(@Autowired MeterRegistry meters)
            throws Exception {
        String auth = Base64.getEncoder().encodeToString(("\0carol@hamburger.edu\0" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        List<String> replies = new ArrayList<>();
        for (String body : List.of(RspamdServer.GTUBE, "Minutes of Monday's meeting attached.")) {
            try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.SUBMISSION))) {
                c.expect("220 ");
                c.send("EHLO laptop").reply();
                c.send("AUTH PLAIN " + auth).expect("235 ");
                c.send("MAIL FROM:<carol@hamburger.edu>").expect("250 ");
                c.send("RCPT TO:<bob@hamburger.edu>").expect("250 ");
                c.send("DATA").expect("354 ");
                c.raw("From: carol@hamburger.edu\r\nTo: bob@hamburger.edu\r\nSubject: minutes\r\n\r\n"
                        + body + "\r\n.\r\n");
                replies.add(c.line());
            }
        }
        assertThat(replies.get(0)).startsWith("550 5.7.1");
        assertThat(replies.get(1)).startsWith("250 2.0.0");
        assertThat(meters.get("courriel.spam.checks").tag("direction", "outbound").tag("result", "reject").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get("courriel.spam.checks").tag("direction", "outbound").tag("result", "no_action")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }
}
