package org.courriel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.courriel.access.net.LineReader;
import org.courriel.access.net.LineTooLongException;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static LineReader reader(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String line(LineReader r, int limit) throws Exception {
        byte[] b = r.readLine(limit);
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void splitsOnCrlfAndReportsBareLf() throws Exception {
        LineReader r = reader("EHLO a\r\nNOOP\nQUIT");
        assertThat(line(r, 100)).isEqualTo("EHLO a");
        assertThat(r.lastEndedWithCrlf()).isTrue();
        assertThat(line(r, 100)).isEqualTo("NOOP");
        assertThat(r.lastEndedWithCrlf()).isFalse();
        assertThat(line(r, 100)).isEqualTo("QUIT");
        assertThat(line(r, 100)).isNull();
    }

    @Test
    void tooLongLineIsDroppedAndReadingResumesOnTheNextLine() throws Exception {
        LineReader r = reader("x".repeat(50) + "\r\nNEXT\r\n");
        assertThatThrownBy(() -> r.readLine(10)).isInstanceOf(LineTooLongException.class);
        assertThat(line(r, 10)).isEqualTo("NEXT");
    }

    @Test
    void lineOfExactlyTheLimitIsAccepted() throws Exception {
        LineReader r = reader("0123456789\r\n01234567890\r\n");
        assertThat(line(r, 10)).isEqualTo("0123456789");
        assertThatThrownBy(() -> r.readLine(10)).isInstanceOf(LineTooLongException.class);
    }
}
