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
 * running gateway. A new file is a new test; the format is {@link org.courriel.imap.testing.Transcript}'s.
 */
class CommandTranscriptTest extends ImapTestSupport {

    static List<String> commands() throws IOException, URISyntaxException {
        Path folder = Path.of(CommandTranscriptTest.class.getResource("/transcripts/commands").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
                    .toList();
            assertThat(names).as("command transcripts").isNotEmpty();
            return names;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void commandFollowsItsRfc(String file) throws Exception {
        transcript("commands/" + file);
    }
}
