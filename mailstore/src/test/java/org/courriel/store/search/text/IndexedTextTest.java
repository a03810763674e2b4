package org.courriel.store.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IndexedTextTest {

    private static final String SEP = String.valueOf(IndexedText.SEPARATOR);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "abc       | abc",
            "ABC       | abc",
            "Straße    | strasse",
            "ab        | NULL",
            "''        | NULL",
            "\u65e5\u672c  | NULL",
            "\u65e5\u672c\u8a9e | \u65e5\u672c\u8a9e",
            "a\uFFFFb   | NULL",
            "a\u0000bc  | NULL",
            "%_\\      | %_\\",
    })
    void needlesAreFoldedAsTheMatcherFoldsThemAndShortOnesAreLeftOut(String value, String needle) {
        assertThat(IndexedText.needle(value)).isEqualTo(needle);
    }

    @Test
    void aNeedleLongerThanTheIndexIsAskedAboutIsLeftOut() {
        assertThat(IndexedText.needle("x".repeat(IndexedText.MAX_NEEDLE))).isNotNull();
        assertThat(IndexedText.needle("x".repeat(IndexedText.MAX_NEEDLE + 1))).isNull();
    }

    @Test
    void threeCodePointsOutsideTheBasicPlaneAreANeedle() {
        assertThat(IndexedText.needle("\uD834\uDD1E\uD834\uDD1E\uD834\uDD1E")).isNotNull();
        assertThat(IndexedText.needle("\uD834\uDD1E\uD834\uDD1E")).isNull();
        assertThat(IndexedText.needle("ab\uD834")).as("an unpaired surrogate").isNull();
    }

    @Test
    void headerLinesAndTextPartsAreJoinedBySeparators() {
        byte[] message = ("Subject: =?UTF-8?B?w4ljb2xl?=\r\nX-Folded: one\r\n two\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nFirst PART\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\n\r\nnot text\r\n--b\r\n"
                + "Content-Type: text/html\r\n\r\n<p>Second</p>\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        IndexedText text = IndexedText.of(message, 1000);
        assertThat(text.header()).isEqualTo("subject: \u00e9cole" + SEP + "x-folded: one two" + SEP
                + "mime-version: 1.0" + SEP + "content-type: multipart/mixed; boundary=b");
        assertThat(text.body()).isEqualTo("first part" + SEP + "<p>second</p>");
        assertThat(text.complete()).isTrue();
    }

    @Test
    void aLongTextIsCutAndSaysSoWithoutSplittingAPair() {
        String body = "x".repeat(999) + "\uD834\uDD1E" + "tail";
        IndexedText text = IndexedText.of(("Subject: s\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8), 1000);
        assertThat(text.complete()).isFalse();
        assertThat(text.body()).isEqualTo("x".repeat(999));
        assertThat(IndexedText.of(("Subject: s\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8), 2000).complete())
                .isTrue();
    }

    @ParameterizedTest(name = "[{index}]")
    @CsvSource(delimiter = '|', value = {
            "abc             | abc",
            "a\u0000c         | a\uFFFFc",
            "a\uD834c         | a\uFFFFc",
            "a\uDD1Ec         | a\uFFFFc",
            "\uD834\uDD1E      | \uD834\uDD1E",
            "\uD834\uD834\uDD1E | \uFFFF\uD834\uDD1E",
            "\uD834\uDD1E\uDD1E | \uD834\uDD1E\uFFFF",
    })
    void nulAndUnpairedSurrogatesBecomeTheSeparator(String in, String out) {
        assertThat(IndexedText.sanitize(in)).isEqualTo(out);
    }
}
