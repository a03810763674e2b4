package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.LoginService;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every HTTP request carries the password, so the login throttle (at its defaults: 5 failures per account, 10
 * per client address) must not count the repeated right credentials of one browser tab or one webmail
 * front-end, while guesses are throttled as ever.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "courriel.api.rate-limit.per-second=0")
class ParallelLoginTest {

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    LoginService logins;

    @Test
    void parallelRequestsWithTheRightPasswordAreNotThrottledWhileAWrongPasswordBurstIs() throws Exception {
        ApiFixture fixture = new ApiFixture(domains, accounts);
        ApiClient bob = new ApiClient(port, fixture.bob.address(), ApiFixture.PASSWORD);
        assertThat(bob.get("/api/v1/account").status()).as("the tab's first request").isEqualTo(200);

        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> requests = IntStream.range(0, 30)
                    .mapToObj(i -> pool.submit((Callable<Integer>) () -> bob.get("/api/v1/account").status()))
                    .toList();
            // An IMAP login of the same account from the same address, in the same window.
            Future<LoginResult> imap = pool.submit(
                    () -> logins.login("imap", loopback, fixture.bob.address(), ApiFixture.PASSWORD));
            for (Future<Integer> request : requests) {
                assertThat(request.get()).isEqualTo(200);
            }
            assertThat(imap.get()).isInstanceOf(LoginResult.Success.class);
            assertThat(logins.login("imap", loopback, fixture.bob.address(), ApiFixture.PASSWORD))
                    .isInstanceOf(LoginResult.Success.class);

            ApiClient guesser = new ApiClient(port, fixture.bob.address(), "not the password");
            List<Future<Integer>> guesses = IntStream.range(0, 12)
                    .mapToObj(i -> pool.submit((Callable<Integer>) () -> guesser.get("/api/v1/account").status()))
                    .toList();
            List<Integer> statuses = guesses.stream().map(ParallelLoginTest::join).toList();
            assertThat(statuses).containsOnly(401, 429).contains(401, 429);
        }
        assertThat(bob.get("/api/v1/account").status()).as("the account cools down, as before").isEqualTo(429);
    }

    private static int join(Future<Integer> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
