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

/** A flood of made-up names fills the failure table, but does not lift the cool-downs already running. */
@SpringBootTest(classes = StoreTestApplication.class, properties = {"courriel.auth.max-failures-per-account=3",
        "courriel.auth.max-failures-per-ip=1000", "courriel.auth.max-tracked=8"})
class LoginFloodTest {

    @Autowired
    LoginService logins;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;

    @Test
    void aFloodOfMadeUpNamesDoesNotLiftALockout() throws Exception {
        domains.add("flood.example.org");
        accounts.create("erin@flood.example.org", "the right password", null, 0);
        InetAddress ip = InetAddress.getByName("127.0.5.1");
        for (int i = 0; i < 3; i++) {
            logins.login("test", ip, "erin@flood.example.org", "guess " + i);
        }
        for (int i = 0; i < 40; i++) {
            assertThat(logins.login("test", InetAddress.getByName("127.0.6." + i), "made-up-" + i + "@flood.example.org",
                    "x")).isInstanceOf(LoginResult.Failure.class);
        }
        assertThat(logins.login("test", InetAddress.getByName("127.0.7.1"), "erin@flood.example.org",
                "the right password")).isInstanceOf(LoginResult.Throttled.class);
    }
}
