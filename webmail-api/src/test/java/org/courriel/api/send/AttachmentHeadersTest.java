package org.courriel.api.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.store.mime.MessageParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttachmentHeadersTest {

    @Test
    void aPlainNameIsQuotedOnly() {
        assertThat(AttachmentHeaders.contentDisposition("report 2026.pdf"))
                .isEqualTo("attachment; filename=\"report 2026.pdf\"");
        assertThat(AttachmentHeaders.contentType("application/pdf", "report 2026.pdf"))
                .isEqualTo("application/pdf; name=\"report 2026.pdf\"");
    }

    @Test
    void anOtherNameGoesInRfc2231AndInEncodedWords() {
        String field = AttachmentHeaders.contentDisposition("r\u00e9sum\u00e9.pdf");
        assertThat(field).contains("filename*=UTF-8''r%C3%A9sum%C3%A9.pdf").contains("filename=\"=?UTF-8?B?");
        assertThat(field.chars()).allMatch(c -> c < 0x80);
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9.txt", "\u65e5\u672c\u8a9e\u306e\u30d5\u30a1\u30a4\u30eb\u540d\u3067\u3059\u3002"
            + "\u9577\u3044\u540d\u524d\u306e\u30c6\u30b9\u30c8.txt", "emoji \ud83d\ude00 file.png"})
    void encodedWordsDecodeBackAndStayShort(String name) {
        var words = AttachmentHeaders.encodedWords(name);
        assertThat(words).allSatisfy(w -> assertThat(w.length()).isLessThanOrEqualTo(75));
        assertThat(MessageParser.decode(String.join(" ", words))).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a.pdf|a.pdf", "bad\"quote.txt|bad_quote.txt", "'  '|attachment"})
    void namesAreCleaned(String in, String out) {
        assertThat(AttachmentHeaders.shorten(in)).isEqualTo(out);
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String cut = AttachmentHeaders.shorten("x".repeat(300) + ".docx");
        assertThat(cut).hasSize(AttachmentHeaders.MAX_NAME).endsWith(".docx");
    }
}
