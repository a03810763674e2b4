package org.courriel.access.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BufferedInputTest {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private static InputStream source(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource({
            // input, buffer, what each copyUntil hands over, joined by '|'
            "abc,       16, abc|",
            "abc,       2,  ab|c|",
            "ab\\rcd,   16, ab|",
            "\\ncd,     16, |",
            "ab\\ncd\\r, 3,  ab|"})
    void copyUntilStopsBeforeTheStopAndAtTheBufferEnd(String input, int size, String expected) throws IOException {
        BufferedInput in = new BufferedInput(source(input.replace("\\r", "\r").replace("\\n", "\n")), size);
        StringBuilder copies = new StringBuilder();
        int n;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        while ((n = in.copyUntil(CR, LF, sink::write)) > 0) {
            copies.append(sink.toString(StandardCharsets.US_ASCII)).append('|');
            sink.reset();
        }
        if (n == 0 && copies.isEmpty()) {
            copies.append('|');
        }
        assertThat(copies.toString()).isEqualTo(expected.strip());
    }

    @Test
    void theStopByteStaysUnreadAndTheEndIsMinusOne() throws IOException {
        BufferedInput in = new BufferedInput(source("ab\r\nc"), 16);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThat(in.copyUntil(CR, LF, sink::write)).isEqualTo(2);
        assertThat(in.copyUntil(CR, LF, sink::write)).isZero();
        assertThat(in.read()).isEqualTo('\r');
        assertThat(in.read()).isEqualTo('\n');
        assertThat(in.copyUntil(CR, LF, sink::write)).isEqualTo(1);
        assertThat(in.copyUntil(CR, LF, sink::write)).isEqualTo(-1);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void aBufferOfOneByteTakesNoMoreThanWasRead() throws IOException {
        InputStream source = source("0123456789");
        BufferedInput in = new BufferedInput(source, 1);
        assertThat(in.read()).isEqualTo('0');
        assertThat(in.read(new byte[4], 0, 4)).isEqualTo(4);
        assertThat(source.available()).isEqualTo(5);
        assertThat(in.available()).isEqualTo(5);
    }

    @Test
    void readsServeTheBufferFirstThenGoToTheSource() throws IOException {
        BufferedInput in = new BufferedInput(source("0123456789"), 4);
        assertThat(in.read()).isEqualTo('0');
        byte[] b = new byte[8];
        assertThat(in.read(b, 0, 8)).isEqualTo(3); // what the buffer held, without waiting for more
        assertThat(new String(b, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("123");
        assertThat(in.read(b, 0, 8)).isEqualTo(6); // empty buffer, a long read: straight from the source
        assertThat(in.read(b, 0, 8)).isEqualTo(-1);
        assertThat(in.read(b, 0, 0)).isZero();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new BufferedInput(source(""), 0)).isInstanceOf(IllegalArgumentException.class);
        BufferedInput in = new BufferedInput(source("x"), 4);
        assertThatThrownBy(() -> in.read(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
