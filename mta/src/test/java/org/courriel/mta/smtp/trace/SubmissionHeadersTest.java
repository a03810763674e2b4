package org.courriel.mta.smtp.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmissionHeadersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Date: x\\r\\nSubject: y\\r\\n\\r\\nbody\\r\\n                  | Date       | true",
            "DATE : x\\r\\n\\r\\n                                          | Date       | true",
            "Subject: y\\r\\n\\tDate: folded\\r\\n\\r\\n                   | Date       | false",
            "Subject: y\\r\\n\\r\\nDate: in the body\\r\\n                 | Date       | false",
            "Subject: y\\r\\nMessage-Id: <a@b>\\r\\n\\r\\n                 | Message-ID | true",
            "X-Date: y\\r\\n\\r\\n                                         | Date       | false",
            "Dated: y\\r\\n\\r\\n                                          | Date       | false"})
    void findsFieldsInTheHeaderSectionOnly(String content, String field, boolean present) {
        byte[] bytes = content.strip().replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(SubmissionHeaders.hasField(bytes, field)).isEqualTo(present);
    }

    @org.junit.jupiter.api.Test
    void addsBothWhenMissing() {
        String added = SubmissionHeaders.missing("Subject: x\r\n\r\n".getBytes(StandardCharsets.UTF_8), "mx.example",
                ZonedDateTime.of(2026, 11, 23, 18, 0, 5, 0, ZoneOffset.UTC));
        assertThat(added).startsWith("Date: Mon, 23 Nov 2026 18:00:05 +0000\r\nMessage-ID: <").endsWith("@mx.example>\r\n");
    }
}
