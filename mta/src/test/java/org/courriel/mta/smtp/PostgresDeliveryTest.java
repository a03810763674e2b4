package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SMTP acceptance on a real PostgreSQL: 250 only once the copies of every recipient are stored. */
class PostgresDeliveryTest extends SmtpServerTestSupport {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Test
    void pipelinedMessageToTwoLocalRecipientsIsStoredForBoth() throws Exception {
        int bob = inboxSize("bob@hamburger.edu");
        int alice = inboxSize("alice@hamburger.edu");
        String message = "Subject: on PostgreSQL\r\n\r\n..dot\r\n";
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220");
            c.send("EHLO crepes.fr", "MAIL FROM:<x@crepes.fr>", "RCPT TO:<bob@hamburger.edu>",
                    "RCPT TO:<alice@hamburger.edu>", "DATA");
            c.reply();
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.expect("250 2.1.5");
            c.expect("354");
            c.raw(message + ".\r\n");
            c.expect("250 2.0.0");
        }
        for (var inbox : List.of(inbox("bob@hamburger.edu"), inbox("alice@hamburger.edu"))) {
            String stored = new String(inbox.getLast(), StandardCharsets.UTF_8);
            assertThat(stored).startsWith("Return-Path: <x@crepes.fr>\r\nReceived: ").doesNotContain("for <")
                    .endsWith("\r\nSubject: on PostgreSQL\r\n\r\n.dot\r\n");
        }
        assertThat(inboxSize("bob@hamburger.edu")).isEqualTo(bob + 1);
        assertThat(inboxSize("alice@hamburger.edu")).isEqualTo(alice + 1);
    }
}
