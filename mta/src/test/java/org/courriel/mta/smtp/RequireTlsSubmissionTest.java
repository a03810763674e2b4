package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.courriel.mta.smtp.testing.RecordingOutboundQueue;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RFC 8689 on receipt (§4.1): REQUIRETLS is offered and taken on TLS-protected sessions only; a message with it
 * is tagged in its envelope for the queue and delivered locally like any other. Python's smtplib is the client.
 */
class RequireTlsSubmissionTest extends SmtpServerTestSupport {

    @Autowired
    RecordingOutboundQueue queue;

    @TempDir
    Path dir;

    @Test
    void isOfferedOnlyAfterStartTls() throws Exception {
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220");
            assertThat(c.send("EHLO client.example").reply()).noneMatch(l -> l.contains("REQUIRETLS"));
            c.send("STARTTLS").expect("220 2.0.0");
            c.startTls();
            assertThat(c.send("EHLO client.example").reply()).contains("250-REQUIRETLS");
        }
    }

    @Test
    void isRefusedOnASessionWithoutTls() throws Exception {
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220");
            c.send("EHLO client.example").reply();
            c.send("MAIL FROM:<someone@elsewhere.example> REQUIRETLS").expect("530 5.7.10");
            c.send("MAIL FROM:<someone@elsewhere.example>").expect("250 2.1.0"); // nothing else held against it
        }
    }

    @Test
    void aSubmittedRequireTlsMessageIsTaggedForTheQueueAndDeliveredLocally() throws Exception {
        Path python = Tools.require("python3", "python3");
        Path ca = dir.resolve("ca.pem");
        try (InputStream in = getClass().getResourceAsStream("/testing/tls/cert.pem")) {
            Files.copy(in, ca);
        }
        String script = """
                import smtplib, ssl, sys
                port, ca, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
                s = smtplib.SMTP('127.0.0.1', port, timeout=30)
                s.starttls(context=ssl.create_default_context(cafile=ca))
                s.ehlo()
                assert s.has_extn('requiretls'), s.esmtp_features
                s.login('bob@hamburger.edu', password)
                s.sendmail('bob@hamburger.edu', ['alice@hamburger.edu', 'far@elsewhere.example'],
                           'From: bob@hamburger.edu\\r\\nSubject: sealed\\r\\n\\r\\nfor your eyes only\\r\\n',
                           mail_options=['REQUIRETLS'])
                s.quit()
                """;
        int before = inboxSize("alice@" + DOMAIN);
        int queuedBefore = queue.queued().size();
        Process p = new ProcessBuilder(python.toString(), "-c", script, String.valueOf(submission()), ca.toString(),
                PASSWORD).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        assertThat(inboxSize("alice@" + DOMAIN)).isEqualTo(before + 1);
        assertThat(new String(inbox("alice@" + DOMAIN).getLast(), StandardCharsets.UTF_8)).contains("for your eyes only");
        assertThat(queue.queued()).hasSize(queuedBefore + 1);
        RecordingOutboundQueue.Queued queued = queue.queued().getLast();
        assertThat(queued.envelope().requireTls()).isTrue();
        assertThat(queued.recipients()).extracting(r -> r.address()).isEqualTo(List.of("far@elsewhere.example"));
    }
}
