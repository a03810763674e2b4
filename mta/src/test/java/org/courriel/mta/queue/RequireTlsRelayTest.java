package org.courriel.mta.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.courriel.mta.MtaTestApplication;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.relay.RelayProperties;
import org.courriel.mta.relay.SmtpClient;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FailOnErrorLogs;
import org.courriel.store.testing.FakeSmtpServer;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * RFC 8689 §4.2.1 end to end through the queue: a REQUIRETLS message goes only over STARTTLS with a verified
 * certificate to a next hop that offers REQUIRETLS, with the parameter passed on; otherwise it is deferred
 * (4.7.10, 4.7.30), never sent in clear, and bounces with 5.7.30 once the queue gives up, the report itself
 * queued with REQUIRETLS. The relay's default (opportunistic TLS) is in force for other messages.
 */
@SpringBootTest(classes = {MtaTestApplication.class, RequireTlsRelayTest.TrustTheTestCertificate.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(FailOnErrorLogs.class)
class RequireTlsRelayTest {

    /** Next hop with a certificate for 127.0.0.1 that the client trusts, and REQUIRETLS. */
    static final FakeSmtpServer STRICT = FakeSmtpServer.start("strict");
    /** The same certificate, no REQUIRETLS. */
    static final FakeSmtpServer PLAIN_TLS = FakeSmtpServer.start("plaintls");
    /** No STARTTLS at all. */
    static final FakeSmtpServer CLEAR = FakeSmtpServer.start("clear");
    /** REQUIRETLS offered, but over a certificate nobody trusts. */
    static final FakeSmtpServer UNTRUSTED = FakeSmtpServer.start("untrusted");

    static {
        STRICT.tls = TestTls.serverContext();
        STRICT.requireTls = true;
        PLAIN_TLS.tls = TestTls.serverContext();
        UNTRUSTED.tls = TestTls.serverContext("untrusted.test");
        UNTRUSTED.requireTls = true;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TrustTheTestCertificate {
        /** Verified TLS trusts the test certificate (localhost, 127.0.0.1) as the JDK's CAs would a real one. */
        @Bean
        @Primary
        SmtpClient testSmtpClient(RelayProperties properties) {
            return new SmtpClient(properties, "courriel.test", TestTls.clientContext());
        }
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("courriel.relay.routes[strict.example]", STRICT::route);
        registry.add("courriel.relay.routes[plaintls.example]", PLAIN_TLS::route);
        registry.add("courriel.relay.routes[clear.example]", CLEAR::route);
        registry.add("courriel.relay.routes[untrusted.example]", UNTRUSTED::route);
        registry.add("courriel.relay.routes[elsewhere.example]", STRICT::route); // where the reports go
    }

    @Autowired
    MailDelivery delivery;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    QueueService queue;

    private void send(String to, boolean requireTls) {
        byte[] message = ("From: sender@elsewhere.example\r\nSubject: secret\r\n\r\nfor " + to + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        delivery.deliver(new MailEnvelope("sender@elsewhere.example", List.of(EnvelopeRecipient.of(to)), null, null,
                false, false, requireTls), message);
    }

    private Optional<String> stateAndReply(String address) {
        return jdbc.sql("SELECT state || ' ' || COALESCE(CAST(last_code AS VARCHAR(3)), '') || ' ' || COALESCE(last_status, '')"
                + " FROM queue_recipient WHERE address = ?").param(address).query(String.class).optional();
    }

    private void awaitState(String address, String state) {
        Await.until(address + " " + state, () -> stateAndReply(address).filter(s -> s.equals(state)).isPresent());
    }

    @Test
    void goesWithRequireTlsOverVerifiedTlsToANextHopThatOffersIt() {
        send("bob@strict.example", true);
        Await.until("delivered", () -> stateAndReply("bob@strict.example")
                .filter(s -> s.startsWith("DELIVERED 250")).isPresent());
        assertThat(STRICT.to("bob@strict.example")).singleElement().satisfies(t -> {
            assertThat(t.secure()).isTrue();
            assertThat(t.mailCommand()).endsWith(" REQUIRETLS");
        });
    }

    @Test
    void isDeferredWhenTheNextHopDoesNotOfferRequireTls() {
        send("bob@plaintls.example", true);
        awaitState("bob@plaintls.example", "DEFERRED 451 4.7.30");
        assertThat(PLAIN_TLS.to("bob@plaintls.example")).isEmpty();
        assertThat(PLAIN_TLS.commands).noneMatch(c -> c.contains("bob@plaintls.example"));
    }

    @Test
    void isNeverSentInClear() {
        send("bob@clear.example", true);
        awaitState("bob@clear.example", "DEFERRED 421 4.7.10");
        assertThat(CLEAR.to("bob@clear.example")).isEmpty();
    }

    @Test
    void isDeferredWhenTheCertificateIsNotValid() {
        send("bob@untrusted.example", true);
        awaitState("bob@untrusted.example", "DEFERRED 421 4.7.10");
        assertThat(UNTRUSTED.to("bob@untrusted.example")).isEmpty();
    }

    @Test
    void aMessageWithoutRequireTlsKeepsOpportunisticTls() {
        send("carol@clear.example", false);
        send("carol@plaintls.example", false);
        Await.until("both delivered", () -> stateAndReply("carol@clear.example").filter(s -> s.startsWith("DELIVERED"))
                .isPresent() && stateAndReply("carol@plaintls.example").filter(s -> s.startsWith("DELIVERED")).isPresent());
        assertThat(CLEAR.to("carol@clear.example")).singleElement().satisfies(t -> assertThat(t.secure()).isFalse());
        assertThat(PLAIN_TLS.to("carol@plaintls.example")).singleElement()
                .satisfies(t -> assertThat(t.mailCommand()).doesNotContain("REQUIRETLS"));
    }

    @Test
    void bouncesWith5730OnceTheQueueGivesUpAndTheReportKeepsRequireTls() {
        String to = "dave@plaintls.example";
        send(to, true);
        awaitState(to, "DEFERRED 451 4.7.30");
        long id = jdbc.sql("SELECT message_id FROM queue_recipient WHERE address = ?").param(to).query(Long.class).single();
        jdbc.sql("UPDATE queue_message SET created_at = ? WHERE id = ?")
                .params(QueueRepository.time(Instant.now().minus(Duration.ofDays(6))), id).update();
        queue.retryNow(id);
        awaitState(to, "FAILED 451 4.7.30");
        Await.until("the report relayed", () -> !STRICT.to("sender@elsewhere.example").isEmpty());
        FakeSmtpServer.Transaction report = STRICT.to("sender@elsewhere.example").get(0);
        assertThat(report.mailCommand()).startsWith("MAIL FROM:<>").endsWith(" REQUIRETLS");
        assertThat(report.secure()).isTrue();
        String dsn = report.text();
        assertThat(dsn).contains("Final-Recipient: rfc822; " + to, "Action: failed", "Status: 5.7.30",
                "REQUIRETLS support required");
        // RFC 8689 §5: as if RET=HDRS, the body of the original is not returned
        assertThat(dsn).doesNotContain("for " + to);
    }
}
