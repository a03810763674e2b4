package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST send endpoint counts against the same hourly limit as submission (issue #12): the message past it is a
 * 429 problem, and nothing of it is sent.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"courriel.limits.send.account-messages=2", "courriel.limits.send.account-recipients=3"})
class SendLimitApiTest {

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;

    @RegisterExtension
    final FailOnErrorLogs errors = FailOnErrorLogs.anywhere();

    @Test
    void theMessagePastTheLimitIsRefusedWith429() {
        ApiFixture fixture = new ApiFixture(domains, accounts);
        ApiClient bob = new ApiClient(port, fixture.bob.address(), ApiFixture.PASSWORD);
        Map<String, Object> note = Map.of("to", List.of(fixture.alice.address()), "subject", "note", "text", "hi");
        assertThat(bob.post("/api/v1/send", note).status()).isEqualTo(202);
        // two recipients more would make four, past the recipient limit of three
        ApiClient.Response many = bob.post("/api/v1/send", Map.of("to",
                List.of(fixture.alice.address(), fixture.admin.address(), "carol@elsewhere.example"), "text", "hi"));
        assertThat(many.status()).isEqualTo(429);
        assertThat(many.header("Content-Type")).startsWith("application/problem+json");
        assertThat(many.json().path("detail").asString()).contains("Hourly sending limit");
        assertThat(bob.post("/api/v1/send", note).status()).isEqualTo(202);
        assertThat(bob.post("/api/v1/send", note).status()).as("the third message of the hour").isEqualTo(429);
    }
}
