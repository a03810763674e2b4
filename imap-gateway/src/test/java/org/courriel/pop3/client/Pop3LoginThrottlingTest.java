package org.courriel.pop3.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.imap.testing.ImapClient;
import org.courriel.pop3.testing.Pop3TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * POP3 logins share IMAP's throttling ({@code courriel.auth.*}) and its metrics, counted as {@code protocol=pop3}:
 * past the limit even the right password is refused, with the same reply as a wrong one.
 */
@TestPropertySource(properties = {"courriel.auth.max-failures-per-account=3", "courriel.auth.max-failures-per-ip=1000"})
class Pop3LoginThrottlingTest extends Pop3TestSupport {

    @Test
    void accountLockedOutByFailedLoginsIsRefusedLikeAWrongPassword() throws Exception {
        double failuresBefore = attempts("failure");
        double throttledBefore = attempts("throttled");
        try (ImapClient pop = new ImapClient(pop3Port())) {
            assertThat(pop.readLine()).startsWith("+OK");
            for (int i = 1; i <= 3; i++) {
                pop.send("USER " + user);
                assertThat(pop.readLine()).startsWith("+OK");
                pop.send("PASS guess " + i);
                assertThat(pop.readLine()).isEqualTo("-ERR [AUTH] Authentication failed");
            }
            pop.send("USER " + user);
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("PASS " + PASSWORD);
            assertThat(pop.readLine()).isEqualTo("-ERR [AUTH] Authentication failed");
        }
        assertThat(attempts("failure") - failuresBefore).isEqualTo(3);
        assertThat(attempts("throttled") - throttledBefore).isEqualTo(1);
        assertThat(meters().get("courriel.pop3.commands").tag("command", "PASS").tag("result", "err").counter().count())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void successfulLoginIsCountedForPop3() throws Exception {
        double before = attempts("success");
        try (ImapClient pop = new ImapClient(pop3Port())) {
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("USER " + user);
            pop.send("PASS " + PASSWORD); // pipelined (RFC 2449 §6.6)
            pop.send("QUIT");
            assertThat(pop.readLine()).startsWith("+OK");
            assertThat(pop.readLine()).isEqualTo("+OK Logged in");
            assertThat(pop.readLine()).startsWith("+OK Courriel POP3 signing off");
        }
        assertThat(attempts("success") - before).isEqualTo(1);
    }

    private double attempts(String result) {
        var counter = meters().find("courriel.auth.attempts").tag("protocol", "pop3").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
