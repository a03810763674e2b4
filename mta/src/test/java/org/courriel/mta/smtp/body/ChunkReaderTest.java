package org.courriel.mta.smtp.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ChunkReaderTest {

    @Test
    void chunksAreConcatenatedExactly() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream("abc\n.\r\ndefREST".getBytes(StandardCharsets.US_ASCII));
        ChunkReader chunks = new ChunkReader(100);
        chunks.readChunk(in, 4);
        chunks.readChunk(in, 6);
        assertThat(new String(chunks.body().content(), StandardCharsets.US_ASCII)).isEqualTo("abc\n.\r\ndef");
        assertThat(chunks.body().bareLineEnding()).isFalse();
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("REST");
    }

    @Test
    void pastTheLimitChunksAreConsumedButDropped() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[30]);
        ChunkReader chunks = new ChunkReader(10);
        chunks.readChunk(in, 8);
        assertThat(chunks.tooBig()).isFalse();
        chunks.readChunk(in, 8);
        assertThat(chunks.tooBig()).isTrue();
        assertThat(chunks.size()).isEqualTo(16);
        assertThat(chunks.body().content()).isEmpty();
        assertThat(in.available()).isEqualTo(14);
    }

    @Test
    void shortChunkIsAnError() {
        assertThatThrownBy(() -> new ChunkReader(10).readChunk(new ByteArrayInputStream(new byte[3]), 5))
                .isInstanceOf(EOFException.class);
    }
}
