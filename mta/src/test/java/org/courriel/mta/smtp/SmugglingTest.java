package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.mta.smtp.testing.SmtpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SMTP smuggling: a second message hidden behind an end-of-data that is not CRLF "." CRLF must neither end
 * the first message nor run as commands (RFC 5321 §2.3.8, §4.1.1.4).
 */
class SmugglingTest extends SmtpServerTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"\n.\n", "\n.\r\n", "\r\n.\n", "\r.\r", "\r\n.\r"})
    void falseEndOfDataNeitherEndsTheMessageNorRunsCommands(String fakeEnd) throws Exception {
        int bob = inboxSize("bob@hamburger.edu");
        int alice = inboxSize("alice@hamburger.edu");
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220");
            c.send("EHLO attacker.example").reply();
            c.send("MAIL FROM:<x@attacker.example>", "RCPT TO:<bob@hamburger.edu>", "DATA");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.raw("Subject: innocent\r\n\r\nhello" + fakeEnd
                    + "MAIL FROM:<admin@hamburger.edu>\r\nRCPT TO:<alice@hamburger.edu>\r\nDATA\r\n"
                    + "From: admin@hamburger.edu\r\nSubject: smuggled\r\n\r\nsmuggled\r\n.\r\n");
            c.expect("550 5.5.2");
            c.send("NOOP").expect("250 2.0.0");
        }
        assertThat(inboxSize("bob@hamburger.edu")).isEqualTo(bob);
        assertThat(inboxSize("alice@hamburger.edu")).isEqualTo(alice);
    }
}
