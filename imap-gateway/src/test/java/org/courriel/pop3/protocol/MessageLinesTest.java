package org.courriel.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Escapes in the table: \n and \r stand for LF and CR. */
class MessageLinesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A: b\\r\\n\\r\\nbody\\r\\n       | A: b\\r\\n\\r\\nbody\\r\\n.\\r\\n          | 14
            A: b\\n\\nbody\\n                | A: b\\r\\n\\r\\nbody\\r\\n.\\r\\n          | 14
            A: b\\r\\n\\r\\nno end          | A: b\\r\\n\\r\\nno end\\r\\n.\\r\\n        | 16
            A: b\\r\\n\\r\\n.\\r\\n..x\\r\\n  | A: b\\r\\n\\r\\n..\\r\\n...x\\r\\n.\\r\\n  | 16
            A: b\\r\\n\\r\\nbare\\rcr\\r\\n  | A: b\\r\\n\\r\\nbare\\rcr\\r\\n.\\r\\n     | 17
            ''                               | .\\r\\n                                    | 0
            """)
    void sendsCrlfLinesDotStuffedAndCountsOctetsBeforeStuffing(String stored, String sent, long octets)
            throws IOException {
        byte[] message = bytes(stored);
        assertThat(text(write(message, MessageLines.ALL))).isEqualTo(text(bytes(sent)));
        assertThat(MessageLines.octets(message)).isEqualTo(octets);
    }

    @ParameterizedTest(name = "TOP {1} of {0}")
    @CsvSource(delimiter = '|', textBlock = """
            A: b\\r\\nC: d\\r\\n\\r\\n1\\r\\n2\\r\\n3\\r\\n | 0 | A: b\\r\\nC: d\\r\\n\\r\\n.\\r\\n
            A: b\\r\\nC: d\\r\\n\\r\\n1\\r\\n2\\r\\n3\\r\\n | 2 | A: b\\r\\nC: d\\r\\n\\r\\n1\\r\\n2\\r\\n.\\r\\n
            A: b\\r\\n\\r\\n1\\n.2\\n                      | 9 | A: b\\r\\n\\r\\n1\\r\\n..2\\r\\n.\\r\\n
            A: b\\r\\n                                    | 1 | A: b\\r\\n.\\r\\n
            """)
    void topSendsTheHeaderTheEmptyLineAndTheFirstBodyLines(String stored, long lines, String sent) throws IOException {
        assertThat(text(write(bytes(stored), lines))).isEqualTo(text(bytes(sent)));
    }

    private static byte[] write(byte[] message, long lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageLines.write(message, lines, out);
        return out.toByteArray();
    }

    private static byte[] bytes(String escaped) {
        return escaped.strip().replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII).replace("\r", "<CR>").replace("\n", "<LF>");
    }
}
