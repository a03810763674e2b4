package org.courriel.mta.relay.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
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
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The queue delivering by MX under the destinations' policies, everything on loopback: a DNS server with
 * the MX, {@code _mta-sts} TXT and (DNSSEC-signed) TLSA records, an HTTPS server with the MTA-STS policies,
 * and one fake MX whose certificate each test picks. A policy that requires TLS and is not met defers the
 * recipient; nothing is ever sent in clear text to such a domain.
 */
@SpringBootTest(classes = {OutboundTlsTestApplication.class, OutboundTlsPolicyTest.Trust.class}, properties = {
        "courriel.dns.timeout=2s", "spring.main.allow-bean-definition-overriding=true"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(FailOnErrorLogs.class)
class OutboundTlsPolicyTest {

    static final TestCa CA = TestCa.create("Test CA");
    static final TestCa UNKNOWN_CA = TestCa.create("Nobody's CA");
    static final FakeSmtpServer MX = FakeSmtpServer.start("mx");
    static final TestDnsServer DNS = TestDnsServer.start();
    static final MtaStsPolicyServer POLICIES = MtaStsPolicyServer.start(CA.issue("mta-sts.wrongname.example",
            "mta-sts.good.example", "mta-sts.unlisted.example").serverContext());
    /** Its TLSA record is published for mx.dane.example; its CA is trusted by no one. */
    static final TestCa.Issued DANE_CERT = UNKNOWN_CA.issue("mx.dane.example");
    static final String ANCHORS;

    static {
        for (String domain : List.of("wrongname", "good", "unlisted")) {
            DNS.zone(domain + ".example", """
                    @        MX  10 mx
                    mx       A   127.0.0.1
                    _mta-sts TXT "v=STSv1; id=20261202"
                    """);
        }
        POLICIES.policy("wrongname.example", "version: STSv1\r\nmode: enforce\r\nmx: mx.wrongname.example\r\nmax_age: 86400\r\n");
        POLICIES.policy("good.example", "version: STSv1\r\nmode: enforce\r\nmx: *.good.example\r\nmax_age: 86400\r\n");
        POLICIES.policy("unlisted.example", "version: STSv1\r\nmode: enforce\r\nmx: mx.elsewhere.example\r\nmax_age: 86400\r\n");
        String tlsaName = "_" + MX.port() + "._tcp.mx";
        String dane = DNS.signedZone("dane.example", "@ MX 10 mx\nmx A 127.0.0.1\n" + tlsaName + " TLSA 3 1 1 "
                + spkiSha256(DANE_CERT) + "\n");
        String badTlsa = DNS.signedZone("badtlsa.example", "@ MX 10 mx\nmx A 127.0.0.1\n" + tlsaName + " TLSA 3 1 1 "
                + spkiSha256(UNKNOWN_CA.issue("mx.badtlsa.example")) + "\n");
        // signed twice: the anchor is the first key, the zone is served signed with the second (bogus)
        String bogusZone = "@ MX 10 mx\nmx A 127.0.0.1\n" + tlsaName + " TLSA 3 1 1 " + spkiSha256(DANE_CERT) + "\n";
        String bogus = DNS.signedZone("bogus.example", bogusZone);
        DNS.signedZone("bogus.example", bogusZone);
        ANCHORS = dane + "\n" + badTlsa + "\n" + bogus + "\n";
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
    MeterRegistry meters;

    @AfterAll
    static void stop() {
        MX.close();
        DNS.close();
        POLICIES.close();
    }

    private void send(String to) {
        byte[] message = ("From: sender@elsewhere.example\r\nSubject: policy\r\n\r\nfor " + to + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        delivery.deliver(new MailEnvelope("sender@elsewhere.example", List.of(EnvelopeRecipient.of(to)), null, null,
                false, false), message);
    }

    private Optional<String> outcome(String address) {
        return jdbc.sql("SELECT state || ' ' || COALESCE(CAST(last_code AS VARCHAR(3)), '') || ' '"
                + " || COALESCE(last_status, '') || ' ' || COALESCE(last_reply, '')"
                + " FROM queue_recipient WHERE address = ?").param(address).query(String.class).optional();
    }

    private void awaitOutcome(String address, String prefix) {
        Await.until(address + " " + prefix, () -> outcome(address).filter(s -> s.startsWith(prefix)).isPresent());
    }

    @Test
    void mtaStsEnforceWithACertificateForAnotherNameDefersInsteadOfSendingInClearText() {
        MX.tls = CA.issue("mx.other.example").serverContext();
        send("bob@wrongname.example");
        awaitOutcome("bob@wrongname.example", "DEFERRED 421 4.7.0");
        assertThat(outcome("bob@wrongname.example")).hasValueSatisfying(s -> assertThat(s).contains("(MTA-STS)"));
        assertThat(MX.to("bob@wrongname.example")).isEmpty();
        assertThat(MX.transactions).allSatisfy(t -> assertThat(t.secure()).isTrue());
    }

    @Test
    void mtaStsEnforceWithAValidCertificateDeliversOverTls() {
        MX.tls = CA.issue("mx.good.example").serverContext();
        send("bob@good.example");
        awaitOutcome("bob@good.example", "DELIVERED 250");
        assertThat(MX.to("bob@good.example")).singleElement().satisfies(t -> assertThat(t.secure()).isTrue());
    }

    @Test
    void mtaStsEnforceNeverConnectsToAnMxThePolicyDoesNotList() {
        int before = MX.connections.get();
        send("bob@unlisted.example");
        awaitOutcome("bob@unlisted.example", "DEFERRED 451 4.7.0 MTA-STS: the policy of unlisted.example does not list");
        assertThat(MX.to("bob@unlisted.example")).isEmpty();
        assertThat(MX.connections.get()).isEqualTo(before);
    }

    @Test
    void daneTlsaMatchingTheCertificateDeliversEvenWithoutAPublicCa() {
        MX.tls = DANE_CERT.serverContext();
        send("bob@dane.example");
        awaitOutcome("bob@dane.example", "DELIVERED 250");
        // authenticated by the TLSA record (DNSSEC-validated), not merely opportunistic
        assertThat(meters.counter("courriel.relay.tls.policy", "policy", "dane", "result", "authenticated").count())
                .isPositive();
        assertThat(MX.to("bob@dane.example")).singleElement().satisfies(t -> assertThat(t.secure()).isTrue());
    }

    @Test
    void daneTlsaNotMatchingTheCertificateDefers() {
        MX.tls = CA.issue("mx.badtlsa.example").serverContext(); // valid for PKIX, yet not what the TLSA says
        send("bob@badtlsa.example");
        awaitOutcome("bob@badtlsa.example", "DEFERRED 421 4.7.0");
        assertThat(outcome("bob@badtlsa.example")).hasValueSatisfying(s -> assertThat(s).contains("(DANE)"));
        assertThat(MX.to("bob@badtlsa.example")).isEmpty();
    }

    @Test
    void aTlsaAnswerThatFailsDnssecValidationDefersWithoutConnecting() {
        // RFC 7672 §2.2: a bogus TLSA lookup makes the MX host unusable, no fallback to other TLS
        MX.tls = DANE_CERT.serverContext();
        int before = MX.connections.get();
        send("bob@bogus.example");
        awaitOutcome("bob@bogus.example", "DEFERRED 451 4.7.5 DANE: TLSA lookup for mx.bogus.example failed");
        assertThat(MX.to("bob@bogus.example")).isEmpty();
        assertThat(MX.connections.get()).isEqualTo(before);
    }
}
