package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.courriel.mta.smtp.testing.RecordingOutboundQueue;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The submission listeners: STARTTLS, AUTH, sender ownership, relay for authenticated users, added headers. */
class SubmissionTest extends SmtpServerTestSupport {

    @Autowired
    RecordingOutboundQueue queue;

    static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A submission session after STARTTLS and a fresh EHLO. */
    private SmtpClient secured() throws Exception {
        SmtpClient c = new SmtpClient(submission());
        c.expect("220");
        c.send("EHLO client.example").reply();
        c.send("STARTTLS").expect("220 2.0.0");
        c.startTls();
        c.send("EHLO client.example").reply();
        return c;
    }

    private SmtpClient authenticated(String user) throws Exception {
        SmtpClient c = secured();
        c.send("AUTH PLAIN " + plain(user, PASSWORD)).expect("235 2.7.0");
        return c;
    }

    @Test
    void plainSubmissionOffersStartTlsButNeitherAuthNorMail() throws Exception {
        try (SmtpClient c = new SmtpClient(submission())) {
            c.expect("220");
            List<String> ehlo = c.send("EHLO client.example").reply();
            assertThat(ehlo).contains("250-STARTTLS").noneMatch(l -> l.contains("AUTH"));
            c.send("AUTH PLAIN " + plain("bob@hamburger.edu", PASSWORD)).expect("538 5.7.11");
            c.send("MAIL FROM:<bob@hamburger.edu>").expect("530 5.7.0 Must issue a STARTTLS");
        }
    }

    @Test
    void afterStartTlsAuthIsOfferedAndStartTlsIsNot() throws Exception {
        double handshakes = counter("courriel.smtp.tls.handshakes", "listener", "submission", "result", "success");
        try (SmtpClient c = new SmtpClient(submission())) {
            c.expect("220");
            c.send("EHLO client.example").reply();
            c.send("STARTTLS").expect("220 2.0.0");
            c.startTls();
            List<String> ehlo = c.send("EHLO client.example").reply();
            assertThat(ehlo).contains("250-AUTH SCRAM-SHA-256 PLAIN LOGIN").doesNotContain("250-STARTTLS");
            c.send("STARTTLS").expect("503 5.5.1");
            c.send("MAIL FROM:<bob@hamburger.edu>").expect("530 5.7.0 Authentication required");
        }
        assertThat(counter("courriel.smtp.tls.handshakes", "listener", "submission", "result", "success"))
                .isEqualTo(handshakes + 1);
    }

    @Test
    void commandsPipelinedBehindStartTlsAreDiscarded() throws Exception {
        try (SmtpClient c = new SmtpClient(submission())) {
            c.expect("220");
            c.send("EHLO client.example").reply();
            // RFC 3207 §4.2: the injected plaintext must not be taken as commands of the TLS session.
            c.send("STARTTLS", "EHLO injected.example", "MAIL FROM:<bob@hamburger.edu>");
            c.expect("220 2.0.0");
            c.startTls();
            c.send("NOOP").expect("250 2.0.0");
            c.send("MAIL FROM:<bob@hamburger.edu>").expect("503 5.5.1");
            List<String> ehlo = c.send("EHLO client.example").reply();
            assertThat(ehlo.getFirst()).isEqualTo("250-mx.hamburger.edu Hello client.example");
        }
    }

    @Test
    void authLoginAndPlainWithChallengeWork() throws Exception {
        try (SmtpClient c = secured()) {
            assertThat(c.send("AUTH LOGIN").expect("334 ")).isEqualTo("334 " + b64("Username:"));
            assertThat(c.send(b64("alice@hamburger.edu")).expect("334 ")).isEqualTo("334 " + b64("Password:"));
            c.send(b64(PASSWORD)).expect("235 2.7.0");
            c.send("AUTH PLAIN").expect("503 5.5.1");
        }
        try (SmtpClient c = secured()) {
            c.send("AUTH PLAIN").expect("334 ");
            c.send(plain("alice@hamburger.edu", PASSWORD)).expect("235 2.7.0");
        }
        try (SmtpClient c = secured()) {
            c.send("AUTH PLAIN").expect("334 ");
            c.send("*").expect("501 5.7.0");
            c.send("AUTH CRAM-MD5").expect("504 5.5.4");
            c.send("AUTH PLAIN " + plain("alice@hamburger.edu", "wrong password")).expect("535 5.7.8");
        }
    }

    @Test
    void bruteForceOnAnAccountGetsACoolDown() throws Exception {
        account("victim@hamburger.edu", 0);
        double failures = counter("courriel.smtp.auth.failures", "listener", "submissions");
        try (SmtpClient c = SmtpClient.tls(submissions())) {
            c.expect("220");
            c.send("EHLO guesser.example").reply();
            for (int i = 0; i < 3; i++) {
                c.send("AUTH PLAIN " + plain("victim@hamburger.edu", "guess " + i)).expect("535 5.7.8");
            }
            // The limit is reached: even the right password is refused during the cool-down.
            c.send("AUTH PLAIN " + plain("victim@hamburger.edu", PASSWORD)).expect("454 4.7.0");
        }
        assertThat(counter("courriel.smtp.auth.failures", "listener", "submissions")).isEqualTo(failures + 4);
    }

    @Test
    void senderMustBeOwnedByTheAccount() throws Exception {
        aliases.list().containsKey("sales@hamburger.edu");
        if (!aliases.list().containsKey("sales@hamburger.edu")) {
            aliases.add("sales@hamburger.edu", List.of("bob@hamburger.edu"));
        }
        try (SmtpClient c = authenticated("bob@hamburger.edu")) {
            c.send("MAIL FROM:<alice@hamburger.edu>").expect("553 5.7.1");
            c.send("MAIL FROM:<>").expect("553 5.7.1");
            c.send("MAIL FROM:<sales@hamburger.edu>").expect("250 2.1.0");
            c.send("RSET").expect("250");
            c.send("MAIL FROM:<Bob+lists@Hamburger.EDU>").expect("250 2.1.0");
        }
    }

    @Test
    void authenticatedSubmissionRelaysAndDeliversLocallyInOneTransaction() throws Exception {
        int queuedBefore = queue.queued().size();
        int alice = inboxSize("alice@hamburger.edu");
        try (SmtpClient c = authenticated("bob@hamburger.edu")) {
            c.send("MAIL FROM:<bob@hamburger.edu> RET=HDRS ENVID=E1", "RCPT TO:<friend@elsewhere.example> NOTIFY=DELAY",
                    "RCPT TO:<alice@hamburger.edu>", "DATA");
            c.expect("250");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.raw("Subject: hi\r\n\r\nno date, no id\r\n.\r\n");
            c.expect("250 2.0.0");
        }
        assertThat(queue.queued()).hasSize(queuedBefore + 1);
        RecordingOutboundQueue.Queued queued = queue.queued().getLast();
        assertThat(queued.envelope().reversePath()).isEqualTo("bob@hamburger.edu");
        assertThat(queued.envelope().envId()).isEqualTo("E1");
        assertThat(queued.recipients()).singleElement().satisfies(r -> {
            assertThat(r.address()).isEqualTo("friend@elsewhere.example");
            assertThat(r.notifyOn()).containsExactly(org.courriel.mta.delivery.EnvelopeRecipient.Notify.DELAY);
        });
        List<byte[]> inbox = inbox("alice@hamburger.edu");
        assertThat(inbox).hasSize(alice + 1);
        String stored = new String(inbox.getLast(), StandardCharsets.UTF_8);
        // A copy leaves the server: no Return-Path (RFC 5321 §4.4); Received says TLS and AUTH (RFC 3848).
        assertThat(stored).startsWith("Received: from client.example ([127.0.0.1])\r\n\tby mx.hamburger.edu (Courriel) with ESMTPSA id ");
        assertThat(stored).containsPattern("\r\nDate: [A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\r\n");
        assertThat(stored).containsPattern("\r\nMessage-ID: <[^@>]+@mx\\.hamburger\\.edu>\r\n");
        assertThat(stored).endsWith("Subject: hi\r\n\r\nno date, no id\r\n");
    }

    @Test
    void existingDateAndMessageIdAreKept() throws Exception {
        int alice = inboxSize("alice@hamburger.edu");
        String message = "Date: Mon, 1 Jan 2024 00:00:00 +0000\r\nmessage-id: <given@client.example>\r\nSubject: x\r\n\r\nbody\r\n";
        try (SmtpClient c = SmtpClient.tls(submissions())) {
            c.expect("220");
            assertThat(c.send("EHLO client.example").reply()).contains("250-AUTH SCRAM-SHA-256 PLAIN LOGIN").doesNotContain("250-STARTTLS");
            c.send("AUTH PLAIN " + plain("bob@hamburger.edu", PASSWORD)).expect("235");
            c.send("MAIL FROM:<bob@hamburger.edu>", "RCPT TO:<alice@hamburger.edu>", "DATA");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.raw(message + ".\r\n");
            c.expect("250 2.0.0");
        }
        String stored = new String(inbox("alice@hamburger.edu").get(alice), StandardCharsets.UTF_8);
        assertThat(stored).startsWith("Return-Path: <bob@hamburger.edu>\r\nReceived: ").endsWith("\r\n" + message);
        assertThat(stored.indexOf("Date:")).isEqualTo(stored.indexOf("\r\n" + message) + 2);
        assertThat(stored).doesNotContain("Message-ID:");
    }
}
