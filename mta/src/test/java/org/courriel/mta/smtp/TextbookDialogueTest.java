package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.mta.smtp.testing.SmtpScript;
import org.junit.jupiter.api.Test;

/** The dialogue of the textbook (Kurose and Ross, §2.3), verbatim, against a server hosting hamburger.edu. */
class TextbookDialogueTest extends SmtpServerTestSupport {

    @Test
    void textbookDialogueDeliversToBob() throws Exception {
        int before = inboxSize("bob@hamburger.edu");
        SmtpScript.run(mx(), """
                S: 220 mx\\.hamburger\\.edu .*
                C: HELO crepes.fr
                S: 250 mx\\.hamburger\\.edu Hello crepes\\.fr
                C: MAIL FROM: <alice@crepes.fr>
                S: 250 2\\.1\\.0 .*
                C: RCPT TO: <bob@hamburger.edu>
                S: 250 2\\.1\\.5 .*
                C: DATA
                S: 354 .*
                C: Do you like ketchup?
                C: How about pickles?
                C: .
                S: 250 2\\.0\\.0 .*
                C: QUIT
                S: 221 2\\.0\\.0 .*
                """);
        List<byte[]> inbox = inbox("bob@hamburger.edu");
        assertThat(inbox).hasSize(before + 1);
        String stored = new String(inbox.getLast(), StandardCharsets.UTF_8);
        assertThat(stored).startsWith("Return-Path: <alice@crepes.fr>\r\nReceived: from crepes.fr ([127.0.0.1])\r\n"
                + "\tby mx.hamburger.edu (Courriel) with SMTP id ");
        assertThat(stored).contains("\r\n\tfor <bob@hamburger.edu>;\r\n");
        assertThat(stored).endsWith("\r\nDo you like ketchup?\r\nHow about pickles?\r\n");
    }
}
