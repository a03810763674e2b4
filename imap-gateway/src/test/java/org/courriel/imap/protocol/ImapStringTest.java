package org.courriel.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ImapStringTest {

    @Test
    void literalsAnnounceTheirLengthInUtf8Bytes() {
        for (String value : new String[] {"line\r\nbreak", "caf\u00e9", "\u65e5\u672c", "\ud83d\ude00 smile",
            "x".repeat(1001), "lone \ud83d surrogate"}) {
            StringBuilder out = new StringBuilder();
            ImapString.string(out, value, false);
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            assertThat(out.toString()).as(value).isEqualTo("{" + bytes + "}\r\n" + value);
        }
    }
}
