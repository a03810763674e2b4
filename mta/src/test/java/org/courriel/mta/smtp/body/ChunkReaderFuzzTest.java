package org.courriel.mta.smtp.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * BDAT chunks (RFC 3030 §2) of any announced sizes over any bytes: each chunk is read whole or the stream
 * ends; the message kept is the chunks in order up to the limit and never more.
 */
class ChunkReaderFuzzTest {

    @FuzzTest
    void chunksAccumulateUpToTheLimit(FuzzedDataProvider data) throws IOException {
        long limit = data.consumeLong(0, 1 << 16);
        int chunks = data.consumeInt(1, 8);
        long[] sizes = new long[chunks];
        for (int i = 0; i < chunks; i++) {
            sizes[i] = data.consumeLong(0, 1 << 14);
        }
        byte[] wire = data.consumeRemainingAsBytes();
        InputStream in = new ByteArrayInputStream(wire);
        ChunkReader reader = new ChunkReader(limit);
        long announced = 0;
        for (long size : sizes) {
            try {
                reader.readChunk(in, size);
            } catch (EOFException expected) {
                assertThat(announced + size).isGreaterThan(wire.length);
                return;
            }
            announced += size;
        }
        MessageBody body = reader.body();
        assertThat(body.size()).isEqualTo(announced);
        assertThat(body.tooBig()).isEqualTo(announced > limit);
        assertThat(body.content()).isEqualTo(body.tooBig() ? new byte[0]
                : java.util.Arrays.copyOf(wire, (int) announced));
    }
}
