package org.courriel.api.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.james.mime4j.dom.address.Mailbox;
import org.courriel.api.message.BodyParts;
import org.courriel.store.mime.MessageParser;
import org.courriel.store.mime.MessageSummary;
import org.courriel.store.section.MessageSections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageComposerTest {

    private static final Mailbox FROM = new Mailbox("Zo\u00e9 Martin", "zoe", "example.org");
    private static final Mailbox TO = new Mailbox((String) null, "bob", "example.com");

    private static MessageComposer.Composed compose(String text, String html, List<Attachment> attachments) {
        return MessageComposer.compose(new MessageComposer.Draft(FROM, List.of(TO), List.of(), "R\u00e9union", text,
                html, "<parent@example.com>", attachments, Instant.parse("2026-11-23T10:00:00Z")));
    }

    private static String ascii(byte[] bytes) {
        for (byte b : bytes) {
            assertThat(b & 0xff).as("7-bit clean").isLessThan(0x80);
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void textOnlyIsOneQuotedPrintableUtf8PartWithTheHeaderFields() {
        MessageComposer.Composed c = compose("Caf\u00e9\nnext line", null, List.of());
        String message = ascii(c.bytes());
        assertThat(message).contains("Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n", "MIME-Version: 1.0\r\n",
                "Subject: =?", "In-Reply-To: <parent@example.com>\r\n", "References: <parent@example.com>\r\n",
                "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable");
        assertThat(message).doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
        assertThat(c.messageId()).matches("<[0-9a-f-]{36}@example\\.org>");
        MessageSummary summary = MessageParser.parse(c.bytes());
        assertThat(summary.subject()).isEqualTo("R\u00e9union");
        assertThat(summary.envelope().from().get(0).name()).isEqualTo("Zo\u00e9 Martin");
        assertThat(MessageSections.text(c.bytes(), new int[] {1})).isEqualTo("Caf\u00e9\r\nnext line\r\n");
    }

    @Test
    void textHtmlAndAttachmentsNestAlternativeInMixed() throws Exception {
        byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xff, 1};
        MessageComposer.Composed c = compose("plain", "<p>rich</p>",
                List.of(new Attachment("r\u00e9sum\u00e9.pdf", "application/pdf", pdf)));
        ascii(c.bytes());
        MessageSummary summary = MessageParser.parse(c.bytes());
        assertThat(summary.body().subtype()).isEqualTo("mixed");
        assertThat(summary.body().parts().get(0).subtype()).isEqualTo("alternative");
        BodyParts parts = BodyParts.of(summary.body());
        assertThat(parts.textPart()).isEqualTo("1.1");
        assertThat(parts.htmlPart()).isEqualTo("1.2");
        assertThat(parts.attachments()).singleElement().satisfies(a -> {
            assertThat(a.partId()).isEqualTo("2");
            assertThat(MessageParser.decode(a.part().fileName())).isEqualTo("r\u00e9sum\u00e9.pdf");
        });
        assertThat(MessageSections.decoded(c.bytes(), new int[] {2})).isEqualTo(pdf);
        assertThat(MessageSections.text(c.bytes(), new int[] {1, 2})).isEqualTo("<p>rich</p>\r\n");
    }

    @Test
    void bccNeverAppearsBecauseTheDraftHasNoPlaceForIt() {
        String message = ascii(compose("x", null, List.of()).bytes());
        assertThat(message).doesNotContainIgnoringCase("bcc");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a|a\\r\\n", "a\\nb|a\\r\\nb\\r\\n", "a\\rb\\r\\n|a\\r\\nb\\r\\n", "''|''"})
    void linesEndInCrlfAndTheLastLineIsComplete(String in, String out) {
        assertThat(MessageComposer.lines(unescape(in))).isEqualTo(unescape(out));
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }
}
