package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.testing.LoginSpellings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The per-account rate limit and the login throttle, with limits small enough to reach in a test. */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"courriel.api.rate-limit.per-second=0.001", "courriel.api.rate-limit.burst=3",
                "courriel.auth.max-failures-per-account=3", "courriel.auth.max-failures-per-ip=1000"})
class ApiRateLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;

    @Test
    void anAccountPastItsBurstIsAnsweredTooManyRequestsWithRetryAfterWhileOthersGoOn() {
        ApiFixture fixture = new ApiFixture(domains, accounts);
        ApiClient bob = new ApiClient(port, fixture.bob.address(), ApiFixture.PASSWORD);
        ApiClient alice = new ApiClient(port, fixture.alice.address(), ApiFixture.PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertThat(bob.get("/api/v1/account").status()).isEqualTo(200);
        }
        ApiClient.Response limited = bob.get("/api/v1/account");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asString()).isEqualTo("urn:courriel:problem:rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(alice.get("/api/v1/account").status()).isEqualTo(200);
    }

    @Test
    void failedLoginsPastTheLimitAreThrottledEvenWithTheRightPassword() {
        ApiFixture fixture = new ApiFixture(domains, accounts);
        ApiClient guesser = new ApiClient(port, fixture.bob.address(), "not the password");
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.get("/api/v1/account").status()).isEqualTo(401);
        }
        ApiClient.Response throttled = new ApiClient(port, fixture.bob.address(), ApiFixture.PASSWORD)
                .get("/api/v1/account");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("type").asString()).isEqualTo("urn:courriel:problem:rate-limited");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(new ApiClient(port, fixture.alice.address(), ApiFixture.PASSWORD).get("/api/v1/account").status())
                .isEqualTo(200);
    }

    @Test
    void otherSpellingsOfALockedOutAddressAreThrottledToo() {
        ApiFixture fixture = new ApiFixture(domains, accounts);
        String victim = fixture.bob.address();
        for (int i = 0; i < 3; i++) {
            assertThat(new ApiClient(port, victim, "guess " + i).get("/api/v1/account").status()).isEqualTo(401);
        }
        for (String spelling : LoginSpellings.of(victim)) {
            ApiClient.Response r = new ApiClient(port, spelling, ApiFixture.PASSWORD).get("/api/v1/account");
            assertThat(r.status()).as(spelling).isEqualTo(429);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:courriel:problem:rate-limited");
        }
        assertThat(new ApiClient(port, fixture.alice.address(), ApiFixture.PASSWORD).get("/api/v1/account").status())
                .isEqualTo(200);
    }
}
