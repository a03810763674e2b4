package org.courriel.mta.relay.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.queue.QueueService;
import org.courriel.mta.relay.RelayProperties;
import org.courriel.mta.relay.SmtpClient;
import org.courriel.mta.testing.MtaStsPolicyServer;
import org.courriel.mta.testing.TestCa;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FailOnErrorLogs;
import org.courriel.store.testing.FakeSmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import courriel.test.relay.OutboundTlsTestApplication;

/**
 * RFC 8689 §4.2.1 step 1 through the queue, by MX, on loopback (DNS server, MTA-STS policy server, one fake MX
 * offering REQUIRETLS over a certificate of the test CA): a REQUIRETLS message goes only to an MX whose name is
 * authenticated, by an MTA-STS policy in enforce mode that lists it or by a DNSSEC-validated MX answer with
 * DANE; any other MX is not even connected to, the recipient is deferred with 4.7.10 and bounces with 5.7.10.
 * Each refusal has a control: the same domain takes a message without REQUIRETLS.
 */
@SpringBootTest(classes = {OutboundTlsTestApplication.class, RequireTlsMxAuthenticationTest.Trust.class},
        properties = {"courriel.dns.timeout=2s", "spring.main.allow-bean-definition-overriding=true"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(FailOnErrorLogs.class)
class RequireTlsMxAuthenticationTest {

    static final TestCa CA = TestCa.create("Test CA");
    static final FakeSmtpServer MX = FakeSmtpServer.start("mx");
    static final TestDnsServer DNS = TestDnsServer.start();
    static final MtaStsPolicyServer POLICIES = MtaStsPolicyServer.start(
            CA.issue("mta-sts.enforce.example", "mta-sts.testing.example").serverContext());
    /** Valid by PKIX for the MTA-STS and plain MX names; for the DANE MX names only by its TLSA record. */
    static final TestCa.Issued CERT = CA.issue("mx.enforce.example", "mx.testing.example", "mx.plain.example");
    static final String ANCHORS;

    static {
        MX.tls = CERT.serverContext();
        MX.requireTls = true;
        for (String domain : List.of("enforce", "testing")) {
            DNS.zone(domain + ".example", """
                    @        MX  10 mx
                    mx       A   127.0.0.1
                    _mta-sts TXT "v=STSv1; id=20261202"
                    """);
        }
        POLICIES.policy("enforce.example",
                "version: STSv1\r\nmode: enforce\r\nmx: mx.enforce.example\r\nmax_age: 86400\r\n");
        POLICIES.policy("testing.example",
                "version: STSv1\r\nmode: testing\r\nmx: mx.testing.example\r\nmax_age: 86400\r\n");
        DNS.zone("plain.example", "@ MX 10 mx\nmx A 127.0.0.1\n");
        ANCHORS = DNS.signedZone("dane.example", "@ MX 10 mx\nmx A 127.0.0.1\n_" + MX.port() + "._tcp.mx TLSA 3 1 1 "
                + spkiSha256(CERT) + "\n");
        // an unsigned zone whose MX is the DANE host: its TLSA records are secure, the MX answer is not
        DNS.zone("insecuremx.example", "@ MX 10 mx.dane.example.\n");
    }

    static String spkiSha256(TestCa.Issued issued) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(issued.leaf().getPublicKey().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void loopback(DynamicPropertyRegistry registry) {
        registry.add("courriel.dns.servers", DNS::address);
        registry.add("courriel.relay.port", MX::port);
        registry.add("courriel.relay.dane.enabled", () -> "true");
        registry.add("courriel.relay.dane.trust-anchors", () -> ANCHORS);
    }

    /** The client trusts the test CA (not the JDK's), for SMTP and for the policy fetch on its port. */
    static class Trust {
        @Bean
        SmtpClient smtpClient(RelayProperties properties) {
            return new SmtpClient(properties, "courriel.test", CA.clientTrust());
        }

        @Bean
        MtaStsFetcher mtaStsFetcher() {
            return new MtaStsFetcher(CA.clientTrust(), Duration.ofSeconds(5), 64 * 1024, POLICIES.port());
        }
    }

    @Autowired
    MailDelivery delivery;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    QueueService queue;

    @AfterAll
    static void stop() {
        MX.close();
        DNS.close();
        POLICIES.close();
    }

    private void send(String from, String to, boolean requireTls) {
        byte[] message = ("From: " + from + "\r\nSubject: secret\r\n\r\nfor " + to + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        delivery.deliver(new MailEnvelope(from, List.of(EnvelopeRecipient.of(to)), null, null, false, false,
                requireTls), message);
    }

    private void send(String to, boolean requireTls) {
        send("sender@elsewhere.example", to, requireTls);
    }

    private Optional<String> outcome(String address) {
        return jdbc.sql("SELECT state || ' ' || COALESCE(CAST(last_code AS VARCHAR(3)), '') || ' '"
                + " || COALESCE(last_status, '') || ' ' || COALESCE(last_reply, '')"
                + " FROM queue_recipient WHERE address = ?").param(address).query(String.class).optional();
    }

    private void awaitOutcome(String address, String prefix) {
        Await.until(address + " " + prefix, () -> outcome(address).filter(s -> s.startsWith(prefix)).isPresent());
    }

    private boolean anyCommandNames(String address) {
        return MX.commands.stream().anyMatch(c -> c.contains(address));
    }

    @Test
    void anMxListedByAnEnforcePolicyGetsTheMessageOverVerifiedTls() {
        send("bob@enforce.example", true);
        awaitOutcome("bob@enforce.example", "DELIVERED 250");
        assertThat(MX.to("bob@enforce.example")).singleElement().satisfies(t -> {
            assertThat(t.secure()).isTrue();
            assertThat(t.mailCommand()).endsWith(" REQUIRETLS");
        });
    }

    @Test
    void anMxWithoutMtaStsOrDaneIsNotUsedAndTheMessageIsDeferredWith4710() {
        send("carol@plain.example", false); // control: the MX is reachable, over TLS
        awaitOutcome("carol@plain.example", "DELIVERED 250");
        send("bob@plain.example", true);
        awaitOutcome("bob@plain.example", "DEFERRED 451 4.7.10 REQUIRETLS: the MX name is not validated");
        assertThat(anyCommandNames("bob@plain.example")).isFalse();
    }

    @Test
    void aTestingPolicyDoesNotAuthenticateTheMx() {
        // RFC 8461 §5: a testing policy is not enforced, so it vouches for nothing (RFC 8689 §4.2.1)
        send("carol@testing.example", false);
        awaitOutcome("carol@testing.example", "DELIVERED 250");
        send("bob@testing.example", true);
        awaitOutcome("bob@testing.example", "DEFERRED 451 4.7.10");
        assertThat(anyCommandNames("bob@testing.example")).isFalse();
    }

    @Test
    void aDaneMxFromAValidatedMxAnswerGetsTheMessage() {
        send("bob@dane.example", true);
        awaitOutcome("bob@dane.example", "DELIVERED 250");
        assertThat(MX.to("bob@dane.example")).singleElement().satisfies(t -> {
            assertThat(t.secure()).isTrue();
            assertThat(t.mailCommand()).endsWith(" REQUIRETLS");
        });
    }

    @Test
    void aDaneHostReachedThroughAnUnsignedMxAnswerIsNotAuthenticated() {
        send("carol@insecuremx.example", false); // control: DANE protects the connection itself
        awaitOutcome("carol@insecuremx.example", "DELIVERED 250");
        send("bob@insecuremx.example", true);
        awaitOutcome("bob@insecuremx.example", "DEFERRED 451 4.7.10");
        assertThat(anyCommandNames("bob@insecuremx.example")).isFalse();
    }

    @Test
    void bouncesWith5710OnceTheQueueGivesUp() {
        String to = "dave@plain.example";
        send("sender@enforce.example", to, true);
        awaitOutcome(to, "DEFERRED 451 4.7.10");
        long id = jdbc.sql("SELECT message_id FROM queue_recipient WHERE address = ?").param(to).query(Long.class)
                .single();
        jdbc.sql("UPDATE queue_message SET created_at = ? WHERE id = ?")
                .params(Instant.now().minus(Duration.ofDays(6)).atOffset(java.time.ZoneOffset.UTC), id).update();
        queue.retryNow(id);
        awaitOutcome(to, "FAILED 451 4.7.10");
        // the report goes, with REQUIRETLS itself, to the sender's MX that an enforce policy lists
        Await.until("the report relayed", () -> !MX.to("sender@enforce.example").isEmpty());
        FakeSmtpServer.Transaction report = MX.to("sender@enforce.example").get(0);
        assertThat(report.mailCommand()).startsWith("MAIL FROM:<>").endsWith(" REQUIRETLS");
        assertThat(report.text()).contains("Final-Recipient: rfc822; " + to, "Action: failed", "Status: 5.7.10");
    }
}
