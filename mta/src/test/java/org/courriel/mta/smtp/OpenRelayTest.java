package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.mta.smtp.testing.RecordingOutboundQueue;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The MX listener is never an open relay, whatever form the recipient takes. */
class OpenRelayTest extends SmtpServerTestSupport {

    @Autowired
    RecordingOutboundQueue queue;

    @ParameterizedTest
    @ValueSource(strings = {
            "<victim@elsewhere.example>",
            "<victim%elsewhere.example@hamburger.edu>",
            "<elsewhere.example!victim@hamburger.edu>",
            "<@hamburger.edu:victim@elsewhere.example>",
            "<@hamburger.edu,@relay.example:bob@hamburger.edu>",
            "<\"victim@elsewhere.example\"@hamburger.edu>",
            "<bob@[127.0.0.1]>",
            "<postmaster@[192.0.2.1]>"})
    void relayDisguisesAreRefusedWith554(String recipient) throws Exception {
        int queuedBefore = queue.queued().size();
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220");
            c.send("EHLO spammer.example").reply();
            c.send("MAIL FROM:<spam@spammer.example>").expect("250");
            c.send("RCPT TO:" + recipient).expect("554 5.7.1");
            c.send("DATA").expect("554 5.5.1");
        }
        assertThat(queue.queued()).hasSize(queuedBefore);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void unauthenticatedSubmissionCannotStartATransaction(int implicit) throws Exception {
        try (SmtpClient c = implicit == 1 ? SmtpClient.tls(submissions()) : new SmtpClient(submission())) {
            c.expect("220");
            c.send("EHLO spammer.example").reply();
            c.send("MAIL FROM:<spam@spammer.example>").expect("530 5.7.0");
        }
    }
}
