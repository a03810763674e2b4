package org.courriel.imap.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One transcript per IMAP command, refusals included (as James's {@code Rename.test}, mox's
 * {@code rename_test.go}): {@code transcripts/commands/<command>.txt}, each run on a fresh account against the
 * running gateway, which allows plaintext login on loopback as the tests configure it ({@link
 * TlsRequiredTranscriptTest} plays the commands that behave otherwise before TLS). A new file is a new test; the
 * format is {@link org.courriel.imap.testing.Transcript}'s.
 */
class CommandTranscriptTest extends ImapTestSupport {

    static List<String> commands() throws IOException, URISyntaxException {
        return files("commands");
    }

    /** The transcripts directly in {@code transcripts/<folder>}, as names relative to {@code transcripts/}. */
    static List<String> files(String folder) throws IOException, URISyntaxException {
        Path path = Path.of(CommandTranscriptTest.class.getResource("/transcripts/" + folder).toURI());
        try (Stream<Path> files = Files.list(path)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
                    .map(n -> folder + "/" + n).toList();
            assertThat(names).as("transcripts in " + folder).isNotEmpty();
            return names;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void commandFollowsItsRfc(String file) throws Exception {
        transcript(file);
    }
}
