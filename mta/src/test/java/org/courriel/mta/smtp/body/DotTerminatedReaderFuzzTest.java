package org.courriel.mta.smtp.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

import org.courriel.access.net.BufferedInput;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * DATA content (RFC 5321 §4.1.1.4, §4.5.2) from any bytes and any limit: a body or end of stream, never
 * more content kept than the limit, and a kept body never longer than what was read; read through a buffer of
 * any size, the same body, and the same bytes left for the next command.
 */
class DotTerminatedReaderFuzzTest {

    @FuzzTest
    void dataIsABodyOrEndOfStream(FuzzedDataProvider data) throws IOException {
        long limit = data.consumeLong(0, 1 << 16);
        int buffer = data.consumeInt(1, 64);
        byte[] wire = data.consumeRemainingAsBytes();
        MessageBody body;
        ByteArrayInputStream plain = new ByteArrayInputStream(wire);
        BufferedInput buffered = new BufferedInput(new ByteArrayInputStream(wire), buffer);
        try {
            body = DotTerminatedReader.read(plain, limit);
        } catch (EOFException expected) {
            assertThatThrownBy(() -> DotTerminatedReader.read(buffered, limit)).isInstanceOf(EOFException.class);
            return; // the client went away inside DATA
        }
        MessageBody throughBuffer = DotTerminatedReader.read(buffered, limit);
        assertThat(throughBuffer.content()).isEqualTo(body.content());
        assertThat(throughBuffer.size()).isEqualTo(body.size());
        assertThat(throughBuffer.bareLineEnding()).isEqualTo(body.bareLineEnding());
        assertThat(buffered.readAllBytes()).isEqualTo(plain.readAllBytes());
        assertThat(body.tooBig()).isEqualTo(body.size() > limit);
        assertThat(body.content().length).isLessThanOrEqualTo(wire.length);
        assertThat((long) body.content().length).isEqualTo(body.tooBig() ? 0 : body.size());
        if (!body.bareLineEnding() && body.content().length > 0) {
            // the kept content ends with the CRLF of its last line
            assertThat(new String(body.content(), java.nio.charset.StandardCharsets.ISO_8859_1)).endsWith("\r\n");
        }
    }
}
