package org.courriel.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    @Test
    void statusTextIsPrintableAscii() {
        String[][] table = {
            {"plain text", "plain text"},
            {"line\r\nbreak", "line??break"},
            {"bell\u0007 nul\u0000 esc\u001b[2J", "bell? nul? esc?[2J"},
            {"del\u007f c1\u0085", "del? c1?"},
            {"Entw\u00fcrfe \ufffd", "Entw?rfe ?"},
        };
        for (String[] row : table) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new ResponseWriter(bytes).status("a1", Status.NO, null, row[0]);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).as(row[0]).isEqualTo("a1 NO " + row[1] + "\r\n");
        }
    }
}
