package org.courriel.access.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The failed-login line: the account a client sent cannot forge a line nor name another address to ban. */
class LoginLogTest {

    @Test
    void controlCharactersAndBracketsOfTheAccountAreReplaced() {
        assertThat(LoginLog.clean("bob\r\nlogin failed: protocol=smtp, client=[192.0.2.1], account=<x>"))
                .doesNotContain("\r").doesNotContain("\n").doesNotContain("<").doesNotContain(">")
                .doesNotContain(" ");
        assertThat(LoginLog.clean("x".repeat(500))).hasSize(LoginLog.MAX_ACCOUNT);
        assertThat(LoginLog.clean(null)).isEmpty();
    }
}
