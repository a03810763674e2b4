package org.courriel.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;

import org.courriel.store.content.SummaryCodec;
import org.courriel.store.testing.Corpus;
import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The summary (envelope, body structure, RFC 9051 §7.5.2) of any bytes, seeded with the corpus of tricky
 * real-world messages: {@link MessageParser#summarise} gives a summary or finds no entity at all
 * ({@link IOException}); any other exception is a bug that {@link MessageParser#parse} would hide behind a
 * minimal summary. The summary survives its trip through the stored JSON form unchanged.
 */
class MessageSummaryFuzzTest {

    static Stream<byte[]> corpus() {
        return Corpus.FILES.stream().map(Corpus::read);
    }

    @MethodSource("corpus")
    @FuzzTest // last: Jazzer reads the other argument sources as seeds
    void anyMessageHasASummary(byte[] message) {
        MessageSummary summary;
        try {
            summary = MessageParser.summarise(message, MessageParser.DEFAULT_MAX_FIELD);
        } catch (IOException noEntity) {
            return; // parse() keeps such bytes with the minimal summary
        }
        assertThat(summary.body()).isNotNull();
        assertThat(SummaryCodec.decode(SummaryCodec.encode(summary))).isEqualTo(summary);
    }
}
