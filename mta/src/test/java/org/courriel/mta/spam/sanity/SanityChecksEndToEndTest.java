package org.courriel.mta.spam.sanity;

import static org.assertj.core.api.Assertions.assertThat;

import courriel.test.spam.SpamTestApplication;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MX's sanity checks over a raw socket on loopback, with loopback taken off the allow list so that the test
 * client counts as a stranger: a HELO naming this server, a sender domain without MX or address (through the
 * resolver and a loopback DNS server), a client that talks before the greeting or ahead of a reply.
 */
@SpringBootTest(classes = SpamTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:sanity-${random.uuid};DB_CLOSE_DELAY=-1",
        "courriel.hostname=mx.hamburger.edu",
        "courriel.mx.port=0", "courriel.mx.bind-address=127.0.0.1",
        "courriel.submission.enabled=false", "courriel.submissions.enabled=false",
        "courriel.dns.timeout=1s", "courriel.dns.cache-size=0",
        "courriel.spam.dnsbl.allow-networks=",
        "courriel.smtp.mx.greet-pause=300ms"})
@ExtendWith(FailOnErrorLogs.class)
class SanityChecksEndToEndTest {

    static final TestDnsServer DNS = TestDnsServer.start();

    @DynamicPropertySource
    static void dns(DynamicPropertyRegistry registry) {
        registry.add("courriel.dns.servers", DNS::address);
    }

    @AfterAll
    static void stop() {
        DNS.close();
    }

    @Autowired
    SmtpServers servers;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void zones() {
        DNS.mode(TestDnsServer.Mode.ANSWER);
        DNS.zone("mx.example", "@ MX 10 mail\nmail A 192.0.2.10\n");
        DNS.zone("aonly.example", "@ A 192.0.2.11\n");
        DNS.zone("txtonly.example", "@ TXT \"v=spf1 -all\"\n");
        DNS.zone("nullmx.example", "@ MX 0 .\n");
        if (!domains.isLocal("hamburger.edu")) {
            domains.add("hamburger.edu");
            accounts.create("bob@hamburger.edu", "correct horse battery", "Bob", 0);
        }
    }

    private SmtpClient greeted(String helo) throws Exception {
        SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX));
        c.expect("220 ");
        c.send("EHLO " + helo).reply();
        return c;
    }

    @ParameterizedTest(name = "EHLO {0} -> {1}")
    @CsvSource({"mx.hamburger.edu, 550 5.7.1", "MX.Hamburger.EDU, 550 5.7.1", "hamburger.edu, 550 5.7.1",
            "[127.0.0.1], 550 5.7.1", "127.0.0.1, 550 5.7.1", "client.example, 250"})
    void aHeloThatClaimsToBeThisServerIsRefused(String helo, String expected) throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.expect("220 ");
            assertThat(c.send("EHLO " + helo).reply().getLast()).startsWith(expected);
            // refused, the session is not greeted: MAIL needs a HELO first
            if (!expected.equals("250")) {
                assertThat(c.send("MAIL FROM:<a@mx.example>").line()).startsWith("503");
                assertThat(c.send("HELO client.example").line()).startsWith("250");
            }
        }
    }

    @ParameterizedTest(name = "MAIL FROM {0} -> {1}")
    @CsvSource({"alice@mx.example, 250 2.1.0", "alice@aonly.example, 250 2.1.0",
            "alice@txtonly.example, 550 5.1.8", "alice@nowhere.example, 550 5.1.8",
            "alice@nullmx.example, 550 5.7.27", "'', 250 2.1.0"})
    void aSenderDomainWithoutMxOrAddressIsRefused(String sender, String expected) throws Exception {
        try (SmtpClient c = greeted("client.example")) {
            assertThat(c.send("MAIL FROM:<" + sender + ">").line()).startsWith(expected);
        }
    }

    @Test
    void aSenderDomainIsDeferredWhileDnsFails() throws Exception {
        DNS.mode(TestDnsServer.Mode.SERVFAIL);
        try (SmtpClient c = greeted("client.example")) {
            assertThat(c.send("MAIL FROM:<alice@mx.example>").line()).startsWith("450 4.1.8");
        }
    }

    @Test
    void aClientThatTalksBeforeTheGreetingIsRefusedAndClosed() throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.send("EHLO impatient.example"); // before the 220, which comes after the greet pause
            assertThat(c.line()).startsWith("554 5.5.0");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void inputAheadOfTheEhloReplyIsRefusedAndNothingOfItRuns() throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.expect("220 ");
            c.raw("EHLO hasty.example\r\nMAIL FROM:<alice@mx.example>\r\n"); // RFC 2920 §3.1: EHLO ends a group
            assertThat(c.line()).startsWith("554 5.5.0");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void pipeliningAfterHeloIsRefusedButAfterEhloAllowed() throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.expect("220 ");
            assertThat(c.send("HELO old.example").line()).startsWith("250");
            c.raw("MAIL FROM:<alice@mx.example>\r\nRCPT TO:<bob@hamburger.edu>\r\n"); // HELO offers no PIPELINING
            assertThat(c.line()).startsWith("554 5.5.0");
        }
        try (SmtpClient c = greeted("modern.example")) {
            c.raw("MAIL FROM:<alice@mx.example>\r\nRCPT TO:<bob@hamburger.edu>\r\n");
            assertThat(c.line()).startsWith("250 2.1.0");
            assertThat(c.line()).startsWith("250 2.1.5");
        }
    }
}
