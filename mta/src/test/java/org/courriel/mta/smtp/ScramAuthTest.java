package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.testing.ScramClient;
import org.junit.jupiter.api.Test;

/**
 * SMTP AUTH SCRAM-SHA-256 (RFC 4954, RFC 7677) on the submission port, with a client that computes the proof and
 * checks the server's signature.
 */
class ScramAuthTest extends SmtpServerTestSupport {

    private static final String USER = "scram@" + DOMAIN;

    @Test
    void authenticatesWithTheInitialResponseAndThenSubmits() throws Exception {
        account(USER, 0);
        try (SmtpClient c = SmtpClient.tls(submissions())) {
            c.expect("220");
            assertThat(c.send("EHLO client.example").reply()).contains("250-AUTH SCRAM-SHA-256 PLAIN LOGIN");
            ScramClient scram = new ScramClient(USER, PASSWORD);
            String serverFirst = c.send("AUTH SCRAM-SHA-256 " + scram.first()).expect("334 ");
            String serverFinal = c.send(scram.last(serverFirst.substring(4))).expect("334 ");
            assertThat(scram.verifies(serverFinal.substring(4))).isTrue();
            c.send("").expect("235 2.7.0");
            c.send("MAIL FROM:<" + USER + ">").expect("250");
        }
    }

    @Test
    void authenticatesAfterAnEmptyChallenge() throws Exception {
        account(USER, 0);
        try (SmtpClient c = SmtpClient.tls(submissions())) {
            c.expect("220");
            c.send("EHLO client.example").reply();
            ScramClient scram = new ScramClient(USER, PASSWORD);
            c.send("AUTH SCRAM-SHA-256").expect("334");
            String serverFirst = c.send(scram.first()).expect("334 ");
            assertThat(scram.verifies(c.send(scram.last(serverFirst.substring(4))).expect("334 ").substring(4))).isTrue();
            c.send("").expect("235 2.7.0");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndGarbageIsASyntaxError() throws Exception {
        account(USER, 0);
        try (SmtpClient c = SmtpClient.tls(submissions())) {
            c.expect("220");
            c.send("EHLO client.example").reply();
            ScramClient wrong = new ScramClient(USER, "not the password");
            String serverFirst = c.send("AUTH SCRAM-SHA-256 " + wrong.first()).expect("334 ");
            c.send(wrong.last(serverFirst.substring(4))).expect("535 5.7.8");
            // "n,,n=bob" has no nonce: RFC 5802 §7 grammar
            c.send("AUTH SCRAM-SHA-256 bizsbj1ib2I=").expect("501");
            c.send("AUTH SCRAM-SHA-256 " + new ScramClient(USER, PASSWORD).first()).expect("334 ");
            c.send("*").expect("501");
        }
    }
}
