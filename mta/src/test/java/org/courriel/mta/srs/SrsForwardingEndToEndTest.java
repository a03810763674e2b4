package org.courriel.mta.srs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.courriel.mta.MtaTestApplication;
import org.courriel.mta.auth.spf.SpfEvaluator;
import org.courriel.mta.auth.spf.SpfResult;
import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.mta.dns.DnsjavaResolver;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.AliasService;
import org.courriel.store.account.DomainService;
import org.courriel.store.sieve.SieveScriptService;
import org.courriel.store.srs.SrsSecrets;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FailOnErrorLogs;
import org.courriel.store.testing.FakeSmtpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * SRS over the real MX and the real outbound queue: an alias and a Sieve redirect to an external address reach
 * a loopback server with an SRS0 reverse-path whose SPF passes (our domain) where the original's fails; a bounce
 * to that address reaches the original sender, also when our own queue generates it; a forged or expired SRS
 * address is refused at RCPT.
 */
@SpringBootTest(classes = {MtaTestApplication.class, SrsForwardingEndToEndTest.LoopbackDns.class}, properties = {
        "courriel.hostname=mx.hamburger.edu", "courriel.queue.poll-interval=100ms",
        "spring.main.allow-bean-definition-overriding=true"})
@ExtendWith(FailOnErrorLogs.class)
class SrsForwardingEndToEndTest {

    static final FakeSmtpServer REMOTE = FakeSmtpServer.start("remote");
    static final TestDnsServer DNS = TestDnsServer.start();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("courriel.relay.routes[elsewhere.example]", REMOTE::route);
        registry.add("courriel.relay.routes[crepes.example]", REMOTE::route);
        registry.add("courriel.relay.routes[galettes.example]", REMOTE::route);
    }

    /**
     * The MX's SPF check asks the loopback DNS (the test application's own resolver, named {@code noDns}, answers
     * nothing): a sender whose SPF passes here is one the queue may notify (no backscatter, docs/spam.md). Not a
     * {@code @Configuration}, so that no other test application's component scan picks it up.
     */
    static class LoopbackDns {
        @Bean
        @Primary
        DnsResolver noDns(MeterRegistry meters) {
            return new DnsjavaResolver(new DnsProperties(List.of(DNS.address()), Duration.ofSeconds(1), 100,
                    Duration.ofMinutes(1), Duration.ofSeconds(1)), meters);
        }
    }

    @AfterAll
    static void stop() {
        REMOTE.close();
        DNS.close();
    }

    @Autowired
    SmtpServers servers;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    AliasService aliases;
    @Autowired
    SieveScriptService scripts;
    @Autowired
    SrsSecrets secrets;

    private String tag;

    @BeforeEach
    void hamburgerEduForwards() {
        if (!domains.isLocal("hamburger.edu")) {
            domains.add("hamburger.edu");
        }
        tag = Long.toString(System.nanoTime());
        REMOTE.rcptReply = (address, attempt) -> address.startsWith("ghost") ? "550 5.1.1 no such user" : "250 2.1.5 ok";
    }

    @Test
    void anAliasToAnExternalAddressGoesOutWithAnSrsSenderWhoseSpfPasses() throws Exception {
        aliases.add("fwd" + tag + "@hamburger.edu", List.of("dave" + tag + "@elsewhere.example"));
        assertThat(send("alice@crepes.example", "fwd" + tag + "@hamburger.edu")).startsWith("250 2.0.0");

        String srs = forwardedTo("dave" + tag + "@elsewhere.example").mailFrom();
        // the test server lowers the case, as some MTAs do: the hash is read back without regard to case
        assertThat(srs).matches("(?i)SRS0=[a-z0-9+/]{6}=[a-z2-7]{2}=crepes\\.example=alice@mx\\.hamburger\\.edu");

        // At the target, SPF checks our domain, which authorises the forwarding server; the original's does not.
        DNS.mode(TestDnsServer.Mode.ANSWER);
        DNS.zone("mx.hamburger.edu", "@ TXT \"v=spf1 ip4:127.0.0.1 -all\"\n");
        DNS.zone("crepes.example", "@ TXT \"v=spf1 ip4:192.0.2.25 -all\"\n");
        SpfEvaluator spf = new SpfEvaluator(new DnsjavaResolver(DnsProperties.of(List.of(DNS.address()),
                Duration.ofSeconds(2)), new SimpleMeterRegistry()), Duration.ofSeconds(5));
        InetAddress forwarder = InetAddress.getByName("127.0.0.1");
        assertThat(spf.checkMailFrom(forwarder, srs, "mx.hamburger.edu").result()).isEqualTo(SpfResult.PASS);
        assertThat(spf.checkMailFrom(forwarder, "alice@crepes.example", "mx.hamburger.edu").result())
                .isEqualTo(SpfResult.FAIL);
    }

    @Test
    void aSieveRedirectGoesOutWithAnSrsSender() throws Exception {
        AccountInfo carol = accounts.create("carol" + tag + "@hamburger.edu", "carol's password", "Carol", 0);
        scripts.put(carol.id(), "main", "redirect \"erin" + tag + "@elsewhere.example\";");
        scripts.setActive(carol.id(), "main");
        assertThat(send("alice@crepes.example", carol.address())).startsWith("250 2.0.0");

        FakeSmtpServer.Transaction t = forwardedTo("erin" + tag + "@elsewhere.example");
        assertThat(t.mailFrom()).startsWithIgnoringCase("SRS0=").endsWith("=crepes.example=alice@mx.hamburger.edu");
        assertThat(t.text()).startsWith("Delivered-To: " + carol.address());
    }

    @Test
    void ourOwnSendersAndTheNullSenderAreNotRewritten() throws Exception {
        accounts.create("bob" + tag + "@hamburger.edu", "bob's password", "Bob", 0);
        aliases.add("own" + tag + "@hamburger.edu", List.of("frank" + tag + "@elsewhere.example"));
        assertThat(send("bob" + tag + "@hamburger.edu", "own" + tag + "@hamburger.edu")).startsWith("250 2.0.0");
        assertThat(forwardedTo("frank" + tag + "@elsewhere.example").mailFrom()).isEqualTo("bob" + tag + "@hamburger.edu");

        aliases.add("null" + tag + "@hamburger.edu", List.of("gina" + tag + "@elsewhere.example"));
        assertThat(send("", "null" + tag + "@hamburger.edu")).startsWith("250 2.0.0");
        assertThat(forwardedTo("gina" + tag + "@elsewhere.example").mailFrom()).isEmpty();
    }

    @Test
    void aBounceToTheSrsAddressReachesTheOriginalSender() throws Exception {
        aliases.add("fwd" + tag + "@hamburger.edu", List.of("dave" + tag + "@elsewhere.example"));
        String sender = "henri" + tag + "@crepes.example";
        assertThat(send(sender, "fwd" + tag + "@hamburger.edu")).startsWith("250 2.0.0");
        String srs = forwardedTo("dave" + tag + "@elsewhere.example").mailFrom();

        // the target's bounce, from another server, to the rewritten reverse-path
        assertThat(send("", srs)).startsWith("250 2.0.0");
        assertThat(forwardedTo(sender).mailFrom()).isEmpty();
    }

    @Test
    void aFailedForwardNotifiesTheOriginalSenderThroughItsSrsAddress() throws Exception {
        aliases.add("lost" + tag + "@hamburger.edu", List.of("ghost" + tag + "@elsewhere.example"));
        DNS.zone("galettes.example", "@ TXT \"v=spf1 ip4:127.0.0.1 -all\"\n"); // a sender known to be genuine
        String sender = "ines" + tag + "@galettes.example";
        assertThat(send(sender, "lost" + tag + "@hamburger.edu")).startsWith("250 2.0.0");

        FakeSmtpServer.Transaction dsn = forwardedTo(sender);
        assertThat(dsn.mailFrom()).isEmpty();
        assertThat(dsn.text()).contains("ghost" + tag + "@elsewhere.example").contains("5.1.1");
    }

    @Test
    void aForgedOrExpiredSrsAddressIsNoSuchUser() throws Exception {
        assertThat(rcpt("", "SRS0=AAAAAA=AA=crepes.example=alice@mx.hamburger.edu")).startsWith("550 5.1.1");
        assertThat(rcpt("", "SRS1=AAAAAA=first.example==AAAAAA=AA=crepes.example=alice@mx.hamburger.edu"))
                .startsWith("550 5.1.1");
        long today = Instant.now().getEpochSecond() / 86_400;
        byte[] key = secrets.all().getFirst().key();
        String expired = SrsCodec.forward("alice@crepes.example", "mx.hamburger.edu", key, today - 22);
        assertThat(rcpt("", expired)).startsWith("550 5.1.1");
        String valid = SrsCodec.forward("alice@crepes.example", "mx.hamburger.edu", key, today - 20);
        assertThat(rcpt("", valid)).startsWith("250");
        // a bounce only: the address is in every forwarded copy's Return-Path, so any other sender could relay
        assertThat(rcpt("someone@elsewhere.example", valid)).startsWith("554 5.7.1");
    }

    private FakeSmtpServer.Transaction forwardedTo(String recipient) {
        Await.until("a message to " + recipient + " at the remote server", Duration.ofSeconds(30),
                () -> !REMOTE.to(recipient).isEmpty());
        return REMOTE.to(recipient).getFirst();
    }

    private String rcpt(String from, String to) throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.expect("220 ");
            c.send("EHLO bounces.elsewhere.example").reply();
            c.send("MAIL FROM:<" + from + ">").expect("250 ");
            return c.send("RCPT TO:<" + to + ">").line();
        }
    }

    private String send(String from, String to) throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.expect("220 ");
            c.send("EHLO client.crepes.example").reply();
            c.send("MAIL FROM:<" + from + ">").expect("250 ");
            String reply = c.send("RCPT TO:<" + to + ">").line();
            if (!reply.startsWith("250")) {
                return reply;
            }
            c.send("DATA").expect("354 ");
            c.raw("From: <" + (from.isEmpty() ? "mailer-daemon@elsewhere.example" : from) + ">\r\nTo: <" + to
                    + ">\r\nSubject: forwarded\r\nMessage-ID: <" + System.nanoTime() + "@crepes.example>\r\n\r\nhi\r\n.\r\n");
            return c.line();
        }
    }
}
