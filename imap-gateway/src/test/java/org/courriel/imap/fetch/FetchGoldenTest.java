package org.courriel.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.courriel.store.mime.MessageParser;
import org.courriel.store.mime.MessageSummary;
import org.courriel.store.testing.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ENVELOPE and BODYSTRUCTURE of every corpus message against reviewed golden files
 * ({@code src/test/resources/golden/<file>.envelope} and {@code .bodystructure}), as a session without UTF-8
 * sends them. Run with {@code -Dgolden.write=true} to write the files afresh, then review every change by hand.
 */
class FetchGoldenTest {

    static Stream<String> corpus() {
        return Corpus.FILES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void envelopeMatchesGolden(String file) throws IOException {
        MessageSummary summary = MessageParser.parse(Corpus.read(file));
        StringBuilder out = new StringBuilder();
        EnvelopeEncoder.encode(out, summary.envelope(), false);
        compare(file + ".envelope", out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void bodyStructureMatchesGolden(String file) throws IOException {
        MessageSummary summary = MessageParser.parse(Corpus.read(file));
        StringBuilder out = new StringBuilder();
        BodyStructureEncoder.encode(out, summary.body(), true, false);
        compare(file + ".bodystructure", out.toString());
    }

    private static void compare(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            Path target = Path.of("src/test/resources/golden", name);
            Files.createDirectories(target.getParent());
            Files.writeString(target, actual + "\n", StandardCharsets.UTF_8);
        }
        try (InputStream in = FetchGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual + "\n").as(name).isEqualTo(expected);
        }
    }
}
