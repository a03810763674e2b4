package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.courriel.mta.testing.RspamdServer;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The REST send endpoint asks Debian's rspamd about the message as submission does (issue #12), naming the
 * account: GTUBE is a 422 problem and nothing is sent or kept in Sent; a plain message is sent.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SendSpamApiTest {

    static final RspamdServer RSPAMD = RspamdServer.start();

    @DynamicPropertySource
    static void rspamd(DynamicPropertyRegistry registry) {
        registry.add("courriel.spam.rspamd.url", RSPAMD::url);
    }

    @AfterAll
    static void stop() {
        RSPAMD.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MeterRegistry meters;

    @RegisterExtension
    final FailOnErrorLogs errors = FailOnErrorLogs.anywhere();

    @Test
    void gtubeIsRefusedWith422AndAPlainMessageIsSent() {
        ApiFixture fixture = new ApiFixture(domains, accounts);
        ApiClient bob = new ApiClient(port, fixture.bob.address(), ApiFixture.PASSWORD);
        ApiClient.Response spam = bob.post("/api/v1/send", Map.of("to", List.of(fixture.alice.address()),
                "subject", "offer", "text", RspamdServer.GTUBE));
        assertThat(spam.status()).isEqualTo(422);
        assertThat(spam.header("Content-Type")).startsWith("application/problem+json");
        assertThat(spam.json().path("type").asString()).isEqualTo("urn:courriel:problem:spam-rejected");
        assertThat(meters.get("courriel.spam.checks").tag("direction", "outbound").tag("result", "reject")
                .counter().count()).isEqualTo(1);
        assertThat(bob.post("/api/v1/send", Map.of("to", List.of(fixture.alice.address()), "subject", "lunch",
                "text", "Noon at the usual place?")).status()).isEqualTo(202);
        assertThat(meters.get("courriel.spam.checks").tag("direction", "outbound").tag("result", "no_action")
                .counter().count()).isEqualTo(1);
    }
}
