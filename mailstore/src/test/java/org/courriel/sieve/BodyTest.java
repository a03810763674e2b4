package org.courriel.sieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.courriel.sieve.SieveRuns.mailboxes;
import static org.courriel.sieve.SieveRuns.message;
import static org.courriel.sieve.SieveRuns.run;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5173: its examples and each transform, parsed, checked and run on a MIME message. */
class BodyTest {

    // Quoted-printable text, base64 HTML, an MP3, and an attached message with its own text.
    private static final SieveMessage MAIL = message("""
            From: alice@example.net
            Subject: plans
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            preamble MAKE MONEY FAST
            --b1
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Caf=E9 at noon, bring the coor=
            dinates.
            --b1
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            PHA+VGhlIDxiPm1pc3NpbGU8L2I+IGlzIHJlYWR5PC9wPg==
            --b1
            Content-Type: audio/mp3

            ID3binary
            --b1
            Content-Type: message/rfc822

            Subject: inner

            inner secret word
            --b1--
            """);

    private static List<String> filed(String test) throws SieveSyntaxException {
        return mailboxes(run("require [\"body\", \"fileinto\"];\nif " + test + " { fileinto \"hit\"; }", MAIL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // RFC 5173 §7's examples.
        "body :content \"text\" :contains [\"missile\", \"coordinates\"]|hit",
        "body :content \"audio/mp3\" :contains \"\"|hit",
        "body :content \"audio/mpeg\" :contains \"\"|INBOX",
        // §5.1 :raw sees the body undecoded, preamble and encodings included.
        "body :raw :contains \"MAKE MONEY FAST\"|hit",
        "body :raw :contains \"coordinates\"|INBOX",
        "body :raw :contains \"coor=\"|hit",
        // §5.3 :text (the default): text parts decoded from their charset, HTML without its tags.
        "body :contains \"Café at noon\"|hit",
        "body :text :contains \"the missile is ready\"|hit",
        "body :text :contains \"<b>\"|INBOX",
        "body :text :contains \"ID3\"|INBOX",
        // §5.2: "" matches every part; an attached message is looked into.
        "body :content \"\" :contains \"inner secret\"|hit",
        "body :content \"text/html\" :contains \"<b>missile</b>\"|hit",
        "body :content \"text/plain\" :matches \"*COOR?INATES*\"|hit",
        "body :content \"text/plain\" :comparator \"i;octet\" :contains \"COORDINATES\"|INBOX",
    })
    void transformsAsSection5Says(String test, String mailbox) throws Exception {
        assertThat(filed(test)).containsExactly(mailbox);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "if body :contains \"x\" { keep; }|missing require \"body\"",
        "require \"body\"; if body :raw :text :contains \"x\" { keep; }|only one of",
        "require \"body\"; if body :content :contains \"x\" { keep; }|content types",
    })
    void refusesBadBodyTests(String script, String message) {
        assertThatThrownBy(() -> SieveScript.compile(script)).isInstanceOf(SieveSyntaxException.class)
                .hasMessageContaining(message);
    }
}
