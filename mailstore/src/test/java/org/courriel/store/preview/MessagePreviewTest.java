package org.courriel.store.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.courriel.store.mime.HeaderSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The preview text of RFC 8970 §3.1 from whole messages: one row per rule. */
class MessagePreviewTest {

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("plain text, white space collapsed", """
                        Subject: a\r
                        \r
                        Hello,\r
                        \r
                        \t see   you\r
                        """, "Hello, see you"),
                Arguments.of("no body: the empty preview", "Subject: a\r\n\r\n", ""),
                Arguments.of("no header section end", "Subject: a\r\nHello there\r\n", "Hello there"),
                Arguments.of("quoted-printable ISO-8859-1 decoded to UTF-8", """
                        Subject: a\r
                        Content-Type: text/plain; charset=iso-8859-1\r
                        Content-Transfer-Encoding: quoted-printable\r
                        \r
                        Caf=E9 cr=E8me=\r
                         br=FBl=E9e\r
                        """, "Café crème brûlée"),
                Arguments.of("base64 UTF-8", """
                        Subject: a\r
                        Content-Type: text/plain; charset=utf-8\r
                        Content-Transfer-Encoding: base64\r
                        \r
                        TGVzIGRvbm7DqWVzIHNvbnQgcHLDqnRlcy4=\r
                        """, "Les données sont prêtes."),
                Arguments.of("HTML without markup, head, style, script and comments", """
                        Subject: a\r
                        Content-Type: text/html\r
                        \r
                        <html><head><title>T</title><style>p{}</style></head><body><!-- hidden -->\r
                        <script>var x = 1 < 2;</script><p>Fish &amp; chips</p><br>&lt;tasty&gt;</body></html>\r
                        """, "Fish & chips <tasty>"),
                Arguments.of("alternative: the plain part, wherever it stands", """
                        Subject: a\r
                        Content-Type: multipart/alternative; boundary=b\r
                        \r
                        --b\r
                        Content-Type: text/html\r
                        \r
                        <p>html</p>\r
                        --b\r
                        Content-Type: text/plain\r
                        \r
                        plain\r
                        --b--\r
                        """, "plain"),
                Arguments.of("an empty plain part gives way to the HTML one", """
                        Subject: a\r
                        Content-Type: multipart/alternative; boundary=b\r
                        \r
                        --b\r
                        Content-Type: text/plain\r
                        \r
                        \r
                        --b\r
                        Content-Type: text/html\r
                        \r
                        <p>html</p>\r
                        --b--\r
                        """, "html"),
                Arguments.of("attachments and attached messages are not the text", """
                        Subject: a\r
                        Content-Type: multipart/mixed; boundary=b\r
                        \r
                        --b\r
                        Content-Type: text/plain\r
                        Content-Disposition: attachment; filename=notes.txt\r
                        \r
                        notes\r
                        --b\r
                        Content-Type: message/rfc822\r
                        \r
                        Subject: inner\r
                        \r
                        inner text\r
                        --b\r
                        Content-Type: image/png\r
                        \r
                        xxxx\r
                        --b--\r
                        """, ""),
                Arguments.of("an unterminated comment runs to the end", """
                        Subject: a\r
                        Content-Type: text/html\r
                        \r
                        before <!-- never closed <p>after</p>\r
                        """, "before"),
                Arguments.of("a < without > is text", """
                        Subject: a\r
                        Content-Type: text/html\r
                        \r
                        1 < 2 &unknown; ok\r
                        """, "1 < 2 &unknown; ok"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void previewFollowsTheRules(String rule, String message, String preview) {
        // as the store keeps it: with the end of the header section made explicit (MessageContent.of)
        byte[] stored = HeaderSection.terminated(message.getBytes(StandardCharsets.UTF_8));
        assertThat(MessagePreview.of(stored)).isEqualTo(preview);
    }

    @Test
    void previewStopsAtTwoHundredCharactersWithoutSplittingASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String text = "a".repeat(199) + emoji + "tail";
        String preview = MessagePreview.of(("Subject: a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(preview.codePointCount(0, preview.length())).isEqualTo(MessagePreview.MAX_CHARACTERS);
        assertThat(preview).endsWith(emoji);
    }

    @Test
    void aHugePartIsReadOnlyAsFarAsItsBound() {
        String text = "word ".repeat(1_000_000);
        String preview = MessagePreview.of(("Subject: a\r\n\r\n" + text).getBytes(StandardCharsets.US_ASCII));
        assertThat(preview).hasSize(MessagePreview.MAX_CHARACTERS - 1).startsWith("word word");
    }

    @Test
    void anHtmlBombOfOpenTagsIsLinear() {
        String html = "<a".repeat(500_000) + ">" + "<!--".repeat(100_000);
        long start = System.nanoTime();
        HtmlToText.of(html);
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void aMebibyteOfAmpersandsIsText() {
        // each & used to look for its ; to the end of the part: quadratic, and an unauthenticated sender's to pay
        String html = "&".repeat(1 << 20) + "&amp;";
        assertThat(HtmlToText.of(html)).isEqualTo("&".repeat((1 << 20) + 1));
    }

    @Test
    void aReferenceIsReplacedOnlyWhenItsSemicolonIsNear() {
        assertThat(HtmlToText.of("a &nbsp; b &amp c; &gt;&LT;")).isEqualTo("a   b &amp c; ><");
    }
}
