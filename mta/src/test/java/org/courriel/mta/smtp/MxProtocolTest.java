package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.mta.smtp.testing.SmtpClient;
import org.junit.jupiter.api.Test;

/** The MX listener over raw sockets: extensions, sequence, limits and refusals. */
class MxProtocolTest extends SmtpServerTestSupport {

    private static final String MESSAGE = "Subject: test\r\n\r\nHello\r\n";

    private SmtpClient greeted() throws Exception {
        SmtpClient c = new SmtpClient(mx());
        c.expect("220 mx.hamburger.edu");
        c.send("EHLO client.example");
        c.reply();
        return c;
    }

    @Test
    void ehloOnMxAdvertisesExtensionsButNotAuth() throws Exception {
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220 ");
            List<String> ehlo = c.send("EHLO client.example").reply();
            assertThat(ehlo).containsExactly("250-mx.hamburger.edu Hello client.example", "250-PIPELINING",
                    "250-SIZE 65536", "250-8BITMIME", "250-SMTPUTF8", "250-ENHANCEDSTATUSCODES", "250-STARTTLS",
                    "250-CHUNKING", "250 DSN");
        }
    }

    @Test
    void mailBeforeEhloIsOutOfSequence() throws Exception {
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220 ");
            assertThat(c.send("MAIL FROM:<a@crepes.fr>").expect("503 5.5.1")).contains("HELO");
            assertThat(c.send("RCPT TO:<bob@hamburger.edu>").expect("503 5.5.1")).isNotNull();
            c.send("DATA").expect("503 5.5.1");
        }
    }

    @Test
    void unknownCommandAndBadArgumentsAreSyntaxErrors() throws Exception {
        try (SmtpClient c = greeted()) {
            c.send("FROB").expect("500 5.5.2");
            c.send("MAIL TO:<a@crepes.fr>").expect("501 5.5.4");
            c.send("MAIL FROM:<a@@crepes.fr>").expect("501 5.1.7");
            c.send("MAIL FROM:<a@crepes.fr> FROB=1").expect("555 5.5.4");
            c.send("MAIL FROM:<a@crepes.fr> BODY=BINARYMIME").expect("504 5.5.4");
            c.send("NOOP").expect("250 2.0.0");
        }
    }

    @Test
    void vrfyAnswersTheSameForExistingAndUnknownUsers() throws Exception {
        try (SmtpClient c = greeted()) {
            String known = c.send("VRFY bob@hamburger.edu").expect("252 2.5.0");
            String unknown = c.send("VRFY nobody@hamburger.edu").expect("252 2.5.0");
            assertThat(known).isEqualTo(unknown);
            c.send("HELP").expect("214 2.0.0");
        }
    }

    @Test
    void wholePipelinedTransactionInOneWriteIsAnsweredInOrder() throws Exception {
        int before = inboxSize("alice@hamburger.edu");
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220 ");
            c.send("EHLO client.example", "MAIL FROM:<x@crepes.fr>", "RCPT TO:<alice@hamburger.edu>",
                    "RCPT TO:<nobody@hamburger.edu>", "DATA");
            assertThat(c.reply().getLast()).startsWith("250 DSN");
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.expect("550 5.1.1");
            c.expect("354 ");
            c.raw(MESSAGE + ".\r\nRSET\r\nNOOP\r\nQUIT\r\n");
            c.expect("250 2.0.0");
            c.expect("250 2.0.0 Reset");
            c.expect("250 2.0.0");
            c.expect("221 2.0.0");
        }
        assertThat(inboxSize("alice@hamburger.edu")).isEqualTo(before + 1);
    }

    @Test
    void bdatChunksMakeOneMessageKeptByteForByte() throws Exception {
        int before = inboxSize("alice@hamburger.edu");
        String part1 = "Subject: chunks\r\n\r\nline one with a bare\nLF is fine in BDAT\r\n";
        String part2 = ".leading dot stays\r\n";
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr> BODY=8BITMIME", "RCPT TO:<alice@hamburger.edu>");
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.raw("BDAT " + part1.length() + "\r\n" + part1);
            c.expect("250 2.0.0");
            c.raw("BDAT " + part2.length() + " LAST\r\n" + part2);
            c.expect("250 2.0.0");
            c.send("DATA").expect("503 5.5.1");
        }
        List<byte[]> inbox = inbox("alice@hamburger.edu");
        assertThat(inbox).hasSize(before + 1);
        assertThat(new String(inbox.getLast(), StandardCharsets.UTF_8)).endsWith("\r\n" + part1 + part2);
    }

    @Test
    void bdatWithoutRecipientsIsReadAndRefused() throws Exception {
        try (SmtpClient c = greeted()) {
            c.raw("BDAT 5 LAST\r\nhello");
            c.expect("503 5.5.1");
            c.send("NOOP").expect("250 2.0.0");
        }
    }

    @Test
    void sizeAboveTheLimitIsRefusedAtMail() throws Exception {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr> SIZE=100000").expect("552 5.3.4");
            c.send("MAIL FROM:<x@crepes.fr> SIZE=1000").expect("250 2.1.0");
        }
    }

    @Test
    void tooBigDataIsReadToItsEndRefusedAndTheConnectionStaysUsable() throws Exception {
        int before = inboxSize("bob@hamburger.edu");
        double rejected = counter("courriel.smtp.messages.rejected", "listener", "mx", "reason", "too-big");
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr>", "RCPT TO:<bob@hamburger.edu>", "DATA");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            String line = "x".repeat(998) + "\r\n";
            c.raw("Subject: big\r\n\r\n" + line.repeat(70) + ".\r\n");
            c.expect("552 5.3.4");
            c.send("MAIL FROM:<x@crepes.fr>", "RCPT TO:<bob@hamburger.edu>", "DATA");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.raw(MESSAGE + ".\r\n");
            c.expect("250 2.0.0");
        }
        assertThat(inboxSize("bob@hamburger.edu")).isEqualTo(before + 1);
        assertThat(counter("courriel.smtp.messages.rejected", "listener", "mx", "reason", "too-big"))
                .isEqualTo(rejected + 1);
    }

    @Test
    void tooBigBdatChunkFailsTheTransaction() throws Exception {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr>", "RCPT TO:<bob@hamburger.edu>");
            c.expect("250");
            c.expect("250");
            byte[] chunk = new byte[70 * 1024];
            c.raw(("BDAT " + chunk.length + " LAST\r\n").getBytes(StandardCharsets.US_ASCII)).raw(chunk);
            c.expect("552 5.3.4");
            c.send("NOOP").expect("250 2.0.0");
        }
    }

    @Test
    void tooLongCommandLineIsRefusedAndTheSessionGoesOn() throws Exception {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<" + "a".repeat(3000) + "@crepes.fr>").expect("500 5.5.6");
            c.send("NOOP").expect("250 2.0.0");
        }
    }

    @Test
    void unknownLocalUserIsRefused() throws Exception {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr>").expect("250");
            c.send("RCPT TO:<nobody@hamburger.edu>").expect("550 5.1.1");
            c.send("DATA").expect("554 5.5.1");
        }
    }

    @Test
    void barePostmasterIsAcceptedForTheServersDomain() throws Exception {
        if (!aliases.list().containsKey("postmaster@hamburger.edu")) {
            aliases.add("postmaster@hamburger.edu", List.of("bob@hamburger.edu"));
        }
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr>").expect("250");
            c.send("RCPT TO:<Postmaster>").expect("250 2.1.5");
            c.send("RCPT TO:<root>").expect("501 5.1.3");
        }
    }

    @Test
    void recipientOverQuotaIsRefusedWithTheDeclaredSize() throws Exception {
        account("full@hamburger.edu", 100);
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr> SIZE=1000").expect("250");
            c.send("RCPT TO:<full@hamburger.edu>").expect("452 4.2.2");
            c.send("RCPT TO:<bob@hamburger.edu>").expect("250 2.1.5");
        }
    }

    @Test
    void recipientsPastTheLimitAreDeferred() throws Exception {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr>").expect("250");
            for (int i = 0; i < 5; i++) {
                c.send("RCPT TO:<bob@hamburger.edu>").expect("250");
            }
            c.send("RCPT TO:<alice@hamburger.edu>").expect("452 4.5.3");
        }
    }

    @Test
    void dsnParametersAreAcceptedAndCheckedForSyntax() throws Exception {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr> RET=HDRS ENVID=QQ314159").expect("250 2.1.0");
            c.send("RCPT TO:<bob@hamburger.edu> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@hamburger.edu")
                    .expect("250 2.1.5");
            c.send("RCPT TO:<bob@hamburger.edu> NOTIFY=NEVER,SUCCESS").expect("501 5.5.4");
            c.send("RSET").expect("250");
            c.send("MAIL FROM:<x@crepes.fr> RET=SOME").expect("501 5.5.4");
        }
    }

    @Test
    void nonAsciiAddressesNeedSmtpUtf8() throws Exception {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<jösé@crêpes.fr>").expect("553 5.6.7");
            c.send("MAIL FROM:<jösé@crêpes.fr> SMTPUTF8").expect("250 2.1.0");
        }
    }

    @Test
    void dotStuffedLinesAreUnstuffed() throws Exception {
        int before = inboxSize("bob@hamburger.edu");
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<x@crepes.fr>", "RCPT TO:<bob@hamburger.edu>", "DATA");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.raw("Subject: dots\r\n\r\n..\r\n...two\r\n.\r\n");
            c.expect("250 2.0.0");
        }
        List<byte[]> inbox = inbox("bob@hamburger.edu");
        assertThat(inbox).hasSize(before + 1);
        assertThat(new String(inbox.getLast(), StandardCharsets.UTF_8)).endsWith("\r\n\r\n.\r\n..two\r\n");
    }

    @Test
    void tooManyErrorsEndTheSessionWith421() throws Exception {
        try (SmtpClient c = greeted()) {
            for (int i = 0; i < 19; i++) {
                c.send("FROB").expect("500 5.5.2");
            }
            c.send("FROB").expect("500 5.5.2");
            c.expect("421 4.7.0");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void quitClosesTheConnection() throws Exception {
        try (SmtpClient c = greeted()) {
            c.send("QUIT").expect("221 2.0.0");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
