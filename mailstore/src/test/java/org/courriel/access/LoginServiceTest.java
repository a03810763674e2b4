package org.courriel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.courriel.access.auth.AuthProperties;
import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.LoginService;
import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.CredentialProperties;
import org.courriel.store.account.DomainService;
import org.courriel.store.secret.ServerSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.mockito.Mockito;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.CannotCreateTransactionException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

@SpringBootTest(classes = StoreTestApplication.class,
        properties = {"courriel.auth.max-failures-per-account=3", "courriel.auth.max-failures-per-ip=5"})
class LoginServiceTest {

    @Autowired
    LoginService logins;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;

    @Test
    void coolsDownAnAccountAfterRepeatedFailuresEvenWithTheRightPassword() throws Exception {
        domains.add("throttle.example.org");
        accounts.create("eve@throttle.example.org", "the right password", null, 0);
        InetAddress ip = InetAddress.getByName("127.0.0.2");
        assertThat(logins.login("test", ip, "eve@throttle.example.org", "the right password"))
                .isInstanceOf(LoginResult.Success.class);
        for (int i = 0; i < 3; i++) {
            assertThat(logins.login("test", ip, "eve@throttle.example.org", "guess " + i))
                    .isInstanceOf(LoginResult.Failure.class);
        }
        assertThat(logins.login("test", ip, "eve@throttle.example.org", "the right password"))
                .isInstanceOf(LoginResult.Throttled.class);
        InetAddress other = InetAddress.getByName("127.0.0.3");
        assertThat(logins.login("test", other, "eve@throttle.example.org", "the right password"))
                .isInstanceOf(LoginResult.Throttled.class);
    }

    @Test
    void coolsDownAnAddressThatGuessesManyAccounts() throws Exception {
        InetAddress ip = InetAddress.getByName("127.0.0.4");
        for (int i = 0; i < 5; i++) {
            assertThat(logins.login("test", ip, "user" + i + "@nowhere.example.org", "x"))
                    .isInstanceOf(LoginResult.Failure.class);
        }
        assertThat(logins.login("test", ip, "user9@nowhere.example.org", "x")).isInstanceOf(LoginResult.Throttled.class);
    }

    @Test
    void otherSpellingsOfALockedOutAddressAreLockedOutToo() throws Exception {
        domains.add("spelling.example.org");
        accounts.create("carol@spelling.example.org", "the right password", null, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(logins.login("test", InetAddress.getByName("127.0.1." + i), "carol@spelling.example.org",
                    "guess " + i)).isInstanceOf(LoginResult.Failure.class);
        }
        InetAddress fresh = InetAddress.getByName("127.0.1.9");
        for (String spelling : List.of("carol@spelling.example.org", "Carol@Spelling.Example.Org",
                "carol@spelling.example.org.", " carol@spelling.example.org", "carol@spelling.\uff45xample.org",
                "carol@spelling.example\u3002org", "carol@spelling.example\uff0eorg")) {
            assertThat(logins.login("test", fresh, spelling, "the right password")).as(spelling)
                    .isInstanceOf(LoginResult.Throttled.class);
        }
    }

    @Test
    void guessesSpreadOverSpellingsAndAddressesAddUp() throws Exception {
        domains.add("spread.example.org");
        accounts.create("dave@spread.example.org", "the right password", null, 0);
        List<String> spellings = List.of("dave@spread.example.org", "dave@spread.example.org.",
                "DAVE@spread.\uff45xample.org", "dave@spread.example\u3002org");
        int checked = 0;
        for (int i = 0; i < 20; i++) {
            InetAddress ip = InetAddress.getByName("127.0.2." + (i % 4));
            if (logins.login("test", ip, spellings.get(i % 4), "guess " + i) instanceof LoginResult.Failure) {
                checked++;
            }
        }
        assertThat(checked).as("guesses whose password was checked").isEqualTo(3);
    }

    @Test
    void failuresForAnUnknownNameAreCountedAndThrottledLikeAKnownOne() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(logins.login("test", InetAddress.getByName("127.0.3." + i), "nobody@unknown.example.org",
                    "guess " + i)).isInstanceOf(LoginResult.Failure.class);
        }
        InetAddress fresh = InetAddress.getByName("127.0.3.9");
        assertThat(logins.login("test", fresh, "Nobody@unknown.example.org.", "guess")).isInstanceOf(LoginResult.Throttled.class);
        // A name that is no address at all is counted too, under its folded form.
        for (int i = 0; i < 3; i++) {
            assertThat(logins.login("test", InetAddress.getByName("127.0.4." + i), "nobody", "guess " + i))
                    .isInstanceOf(LoginResult.Failure.class);
        }
        assertThat(logins.login("test", fresh, " \uff4eobody.", "guess")).isInstanceOf(LoginResult.Throttled.class);
    }

    @Test
    void attemptsThatMeetAnUnavailableDatabaseDoNotCountAsFailures() throws Exception {
        AccountService unreachable = Mockito.mock(AccountService.class);
        Mockito.when(unreachable.authenticate(Mockito.anyString(), Mockito.anyString()))
                .thenThrow(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"));
        LoginService service = new LoginService(unreachable,
                new AuthProperties(5, 3, Duration.ofMinutes(15), Duration.ofMinutes(5), 100_000), new SimpleMeterRegistry(),
                new CredentialProperties(Duration.ZERO, 0, 4096), Mockito.mock(ServerSecrets.class));
        InetAddress ip = InetAddress.getByName("127.0.0.5");
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> service.login("test", ip, "olive@outage.example.org", "the right password"))
                    .isInstanceOf(CannotCreateTransactionException.class);
        }
        Mockito.reset(unreachable);
        Mockito.when(unreachable.authenticate(Mockito.anyString(), Mockito.anyString())).thenReturn(Optional.of(
                new AccountInfo(1, "olive@outage.example.org", "Olive", 0, 0, true, false)));
        assertThat(service.login("test", ip, "olive@outage.example.org", "the right password"))
                .as("the outage cost the account no throttling").isInstanceOf(LoginResult.Success.class);
    }
}
