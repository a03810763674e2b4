package org.courriel.deploy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.courriel.deploy.testing.LineConnection;
import org.courriel.deploy.testing.OfflineAdmin;
import org.courriel.deploy.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * IMAP SEARCH TEXT and BODY on the packaged server over the embedded default (issue 16, target 7): answered
 * through the Lucene directory beside the H2 file, right from the APPEND on (before the indexer has run, and
 * after), and after the directory was deleted while the server was down (rebuilt from the store).
 */
class FullTextSearchTest {

    private static final String USER = "fts@fts.test";
    private static final String PASSWORD = "full text password";

    @Test
    void searchesFindSubstringsThroughTheIndexAndAfterARebuild() throws Exception {
        Files.createDirectories(Path.of("target/fts"));
        Path data = Files.createTempDirectory(Path.of("target/fts").toAbsolutePath(), "data-");
        OfflineAdmin.run(data, List.of(), "domain", "add", "fts.test");
        OfflineAdmin.run(data, List.of(), "user", "add", USER, "--password", PASSWORD);
        Path index = data.resolve("courriel.text-index");

        try (ServerProcess server = ServerProcess.start(data, "fts.test", List.of())) {
            try (LineConnection imap = login(server)) {
                append(imap, "Subject: zebra crossings\r\n\r\nnothing to see\r\n");
                // "Zebra-crossing ahead" in a base64 text part: found only once decoded
                append(imap, "Subject: road works\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\nWmVicmEtY3Jvc3NpbmcgYWhlYWQ=\r\n");
                append(imap, "Subject: other\r\n\r\nZEBRA\r\n");
                assertSearches(imap);
            }
            assertThat(server.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
        assertThat(index).as("the index beside the database file").isDirectory();

        // (a directory kept across a restart is used as it is: LuceneTextIndexTest)
        try (Stream<Path> files = Files.walk(index)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (ServerProcess server = ServerProcess.start(data, "fts.test", List.of());
                LineConnection imap = login(server)) {
            assertSearches(imap);
            assertThat(server.log()).contains("3 message contents queued for it");
            assertThat(server.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
        assertThat(index).as("rebuilt").isDirectory();
    }

    /**
     * The same answers whether the messages are still queued for the indexer or indexed (it looks at its queue
     * every second): asked again for a second and a half.
     */
    private static void assertSearches(LineConnection imap) throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(search(imap, "TEXT \"ebra-cross\"")).isEqualTo("* SEARCH 2");
            assertThat(search(imap, "BODY \"ebra-cross\"")).as("decoded text parts only").isEqualTo("* SEARCH 2");
            assertThat(search(imap, "TEXT \"zebra\"")).isEqualTo("* SEARCH 1 2 3");
            assertThat(search(imap, "NOT BODY \"zebra\"")).isEqualTo("* SEARCH 1");
            assertThat(search(imap, "BODY \"ze\"")).as("left to the scan").isEqualTo("* SEARCH 2 3");
            Thread.sleep(150);
        }
    }

    /** The untagged SEARCH response to {@code UID SEARCH criteria}. */
    private static String search(LineConnection imap, String criteria) throws Exception {
        imap.send("s UID SEARCH " + criteria);
        String result = null;
        for (String line = imap.line(); !line.startsWith("s "); line = imap.line()) {
            if (line.startsWith("* SEARCH")) {
                result = line.strip();
            }
        }
        return result;
    }

    private static LineConnection login(ServerProcess server) throws Exception {
        LineConnection imap = new LineConnection(server.imapPort);
        imap.line();
        assertThat(imap.tagged("l", "LOGIN " + USER + " \"" + PASSWORD + "\"")).startsWith("l OK");
        assertThat(imap.tagged("x", "SELECT INBOX")).contains("x OK");
        return imap;
    }

    private static void append(LineConnection imap, String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        imap.send("a APPEND INBOX {" + bytes.length + "+}");
        imap.sendBytes(bytes);
        imap.send("");
        assertThat(imap.completion("a")).startsWith("a OK");
    }
}
