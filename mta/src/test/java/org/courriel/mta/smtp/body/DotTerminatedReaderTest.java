package org.courriel.mta.smtp.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.courriel.access.net.BufferedInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotTerminatedReaderTest {

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String esc(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // input (after DATA CRLF)          | content kept                  | bare line ending
            ".\\r\\n                             |                               | false",
            "a\\r\\n.\\r\\n                      | a\\r\\n                       | false",
            "..\\r\\n.\\r\\n                     | .\\r\\n                       | false",
            "...x\\r\\n.\\r\\n                   | ..x\\r\\n                     | false",
            "a.\\r\\n.b\\r\\n.\\r\\n             | a.\\r\\nb\\r\\n               | false",
            "a\\r\\n\\r\\n.\\r\\n               | a\\r\\n\\r\\n                 | false",
            "a\\nb\\r\\n.\\r\\n                  | a\\nb\\r\\n                   | true",
            "a\\rb\\r\\n.\\r\\n                  | a\\rb\\r\\n                   | true",
            "a\\n.\\nb\\r\\n.\\r\\n              | a\\n.\\nb\\r\\n               | true",
            "a\\n.\\r\\nb\\r\\n.\\r\\n           | a\\n.\\r\\nb\\r\\n            | true",
            "a\\r\\n.\\nb\\r\\n.\\r\\n           | a\\r\\n\\nb\\r\\n             | true",
            "a\\r\\n.\\rb\\r\\n.\\r\\n           | a\\r\\n\\rb\\r\\n             | true",
            "a\\r\\r\\n.\\r\\n                   | a\\r\\r\\n                    | true"})
    void endsOnlyAtCrlfDotCrlfAndUnstuffs(String input, String content, boolean bare) throws IOException {
        for (int size : BUFFERS) {
            InputStream in = buffered(in(esc(input.strip()) + "NEXT"), size);
            MessageBody body = DotTerminatedReader.read(in, 1000);
            assertThat(new String(body.content(), StandardCharsets.UTF_8)).as("buffer %d", size)
                    .isEqualTo(content == null ? "" : esc(content.strip()));
            assertThat(body.bareLineEnding()).isEqualTo(bare);
            assertThat(body.tooBig()).isFalse();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("NEXT");
        }
    }

    /** Buffer sizes the content is read through: 0 for the bare stream, then runs cut at every place, and whole. */
    private static final int[] BUFFERS = {0, 1, 2, 3, 5, 4096};

    private static InputStream buffered(InputStream in, int size) {
        return size == 0 ? in : new BufferedInput(in, size);
    }

    @Test
    void leavesWhatFollowsTheEndUnread() throws IOException {
        for (int size : BUFFERS) {
            InputStream in = buffered(in("a\r\n.\r\nQUIT\r\n"), size);
            DotTerminatedReader.read(in, 1000);
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("QUIT\r\n");
        }
    }

    @Test
    void longLinesGoOverWholeThroughABuffer() throws IOException {
        String line = "x".repeat(10_000);
        InputStream in = new BufferedInput(in(line + "\r\n" + line + "\r\n.\r\nQUIT\r\n"), 4096);
        MessageBody body = DotTerminatedReader.read(in, 100_000);
        assertThat(new String(body.content(), StandardCharsets.US_ASCII)).isEqualTo(line + "\r\n" + line + "\r\n");
        assertThat(body.size()).isEqualTo(20_004);
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("QUIT\r\n");
    }

    @Test
    void tooBigContentIsReadToTheEndAndDropped() throws IOException {
        for (int size : BUFFERS) {
            InputStream in = buffered(in("0123456789\r\n0123456789\r\n.\r\nNOOP\r\n"), size);
            MessageBody body = DotTerminatedReader.read(in, 10);
            assertThat(body.tooBig()).isTrue();
            assertThat(body.size()).isEqualTo(24);
            assertThat(body.content()).isEmpty();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("NOOP\r\n");
        }
    }

    @Test
    void contentAtTheLimitIsKept() throws IOException {
        MessageBody body = DotTerminatedReader.read(in("12345678\r\n.\r\n"), 10);
        assertThat(body.tooBig()).isFalse();
        assertThat(body.content()).hasSize(10);
    }

    @Test
    void endOfStreamBeforeTheEndIsAnError() {
        assertThatThrownBy(() -> DotTerminatedReader.read(in("a\r\n.\n"), 100)).isInstanceOf(EOFException.class);
    }
}
