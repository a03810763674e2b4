package org.courriel.mta.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.courriel.mta.MtaTestApplication;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FailOnErrorLogs;
import org.courriel.store.testing.FakeSmtpServer;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code courriel.relay.tls=REQUIRED} a server without STARTTLS gets nothing in clear; and a smarthost
 * (which overrides MX for every domain without a static route) is reached over TLS with AUTH PLAIN.
 */
@SpringBootTest(classes = MtaTestApplication.class, properties = "courriel.relay.tls=REQUIRED")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(FailOnErrorLogs.class)
class RequiredTlsTest {

    static final FakeSmtpServer CLEAR = FakeSmtpServer.start("clear");
    static final FakeSmtpServer SECURE = FakeSmtpServer.start("secure");
    static final FakeSmtpServer SMARTHOST = FakeSmtpServer.start("smarthost");
    /** No STARTTLS either, for the messages that say TLS-Required: No. */
    static final FakeSmtpServer OPTIONAL = FakeSmtpServer.start("optional");

    static {
        SECURE.tls = TestTls.serverContext("secure.test");
        SMARTHOST.tls = TestTls.serverContext("smarthost.test");
        SMARTHOST.plainCredentials = "relay-user\0relay-secret";
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("courriel.relay.routes[clear.example]", CLEAR::route);
        registry.add("courriel.relay.routes[secure.example]", SECURE::route);
        registry.add("courriel.relay.routes[optional.example]", OPTIONAL::route);
        registry.add("courriel.relay.smarthost.host", () -> "127.0.0.1");
        registry.add("courriel.relay.smarthost.port", SMARTHOST::port);
        registry.add("courriel.relay.smarthost.tls", () -> "REQUIRED");
        registry.add("courriel.relay.smarthost.username", () -> "relay-user");
        registry.add("courriel.relay.smarthost.password", () -> "relay-secret");
    }

    @Autowired
    MailDelivery delivery;
    @Autowired
    JdbcClient jdbc;

    private void send(String to) {
        send(to, "");
    }

    private void send(String to, String field) {
        byte[] message = (field + "From: sender@elsewhere.example\r\nSubject: tls\r\n\r\nfor " + to + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        delivery.deliver(new MailEnvelope("sender@elsewhere.example", List.of(EnvelopeRecipient.of(to)), null, null,
                false, false), message);
    }

    private Optional<String> stateAndReply(String address) {
        return jdbc.sql("SELECT state || ' ' || COALESCE(CAST(last_code AS VARCHAR(3)), '') || ' ' || COALESCE(last_status, '')"
                + " FROM queue_recipient WHERE address = ?").param(address).query(String.class).optional();
    }

    @Test
    void defersWhenTheServerDoesNotOfferStartTls() {
        send("bob@clear.example");
        Await.until("deferred for want of TLS",
                () -> stateAndReply("bob@clear.example").filter(s -> s.equals("DEFERRED 421 4.7.0")).isPresent());
        assertThat(CLEAR.transactions).isEmpty();
        assertThat(CLEAR.commands).doesNotContain("MAIL FROM:<sender@elsewhere.example>");
    }

    @Test
    void deliversOverStartTlsWhenOffered() {
        send("bob@secure.example");
        Await.until("delivered", () -> stateAndReply("bob@secure.example").filter(s -> s.startsWith("DELIVERED 250"))
                .isPresent());
        assertThat(SECURE.to("bob@secure.example")).singleElement().satisfies(t -> assertThat(t.secure()).isTrue());
    }

    @Test
    void relaysThroughTheSmarthostWithAuthOverTls() {
        send("carol@anywhere.example");
        Await.until("delivered through the smarthost",
                () -> stateAndReply("carol@anywhere.example").filter(s -> s.startsWith("DELIVERED 250")).isPresent());
        assertThat(SMARTHOST.authenticated).contains("relay-user");
        assertThat(SMARTHOST.to("carol@anywhere.example")).singleElement().satisfies(t -> assertThat(t.secure()).isTrue());
    }

    /** RFC 8689 §4.2.2: the sender said the message needs no TLS, so the required TLS gives way. */
    @Test
    void aMessageSayingTlsRequiredNoGoesInClear() {
        send("bob@optional.example", "TLS-Required: No\r\n");
        Await.until("delivered in clear", () -> stateAndReply("bob@optional.example")
                .filter(s -> s.startsWith("DELIVERED 250")).isPresent());
        assertThat(OPTIONAL.to("bob@optional.example")).singleElement().satisfies(t -> {
            assertThat(t.secure()).isFalse();
            assertThat(t.text()).contains("TLS-Required: No\r\n"); // passed on as it is
        });
    }
}
