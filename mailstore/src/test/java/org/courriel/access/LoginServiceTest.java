package org.courriel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.LoginService;
import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

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
}
