package org.courriel.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.courriel.store.mime.MessageParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyPartsTest {

    private static BodyParts of(String message) {
        return BodyParts.of(MessageParser.parse(message.getBytes(StandardCharsets.UTF_8)).body());
    }

    @Test
    void aSinglePartMessageIsPartOne() {
        BodyParts parts = of("Subject: x\r\n\r\nhello\r\n");
        assertThat(parts.textPart()).isEqualTo("1");
        assertThat(parts.htmlPart()).isNull();
        assertThat(parts.attachments()).isEmpty();
    }

    @Test
    void alternativeInsideMixedGivesNestedNumbersAndTheAttachmentAfter() {
        BodyParts parts = of("Content-Type: multipart/mixed; boundary=o\r\n\r\n"
                + "--o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n"
                + "--i\r\nContent-Type: text/plain\r\n\r\ntext\r\n"
                + "--i\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--i--\r\n"
                + "--o\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=a.png\r\n\r\nxx\r\n"
                + "--o\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\ninner text\r\n--o--\r\n");
        assertThat(parts.textPart()).isEqualTo("1.1");
        assertThat(parts.htmlPart()).isEqualTo("1.2");
        assertThat(parts.attachments()).extracting(BodyParts.Attachment::partId).containsExactly("2", "3");
        assertThat(parts.attachment("3")).isPresent();
        assertThat(parts.attachment("1.1")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2.1,2", "10.3.7,3"})
    void partIdsParseToPaths(String id, int levels) {
        assertThat(BodyParts.parsePartId(id)).hasSize(levels);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "1.", ".1", "1..2", "a", "01", "-1", "1.HEADER", "9999999"})
    void otherPartIdsAreRefused(String id) {
        assertThat(BodyParts.parsePartId(id)).isNull();
    }
}
