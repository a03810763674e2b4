package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.testing.LoginSpellings;
import org.junit.jupiter.api.Test;

/** SMTP AUTH: an account locked out after failed logins stays locked out under every spelling of its address. */
class AuthLockoutTest extends SmtpServerTestSupport {

    private static final String VICTIM = "dave@spelling.example.org";

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void otherSpellingsOfALockedOutAddressGetTheCoolDown() throws Exception {
        if (!domains.isLocal("spelling.example.org")) {
            domains.add("spelling.example.org");
        }
        account(VICTIM, 0);
        try (SmtpClient c = SmtpClient.tls(submissions())) {
            c.expect("220");
            c.send("EHLO guesser.example").reply();
            for (int i = 0; i < 3; i++) {
                c.send("AUTH PLAIN " + plain(VICTIM, "guess " + i)).expect("535 5.7.8");
            }
            for (String spelling : LoginSpellings.of(VICTIM)) {
                // RFC 4954 §6: 454 4.7.0, a temporary refusal, for every spelling, even with the right password
                assertThat(c.send("AUTH PLAIN " + plain(spelling, PASSWORD)).reply().getLast()).as(spelling)
                        .startsWith("454 4.7.0");
            }
            // Only that account: another one authenticates in the same session.
            c.send("AUTH PLAIN " + plain("bob@" + DOMAIN, PASSWORD)).expect("235 2.7.0");
        }
    }
}
