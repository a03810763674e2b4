package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.courriel.deploy.testing.LineConnection;
import org.courriel.deploy.testing.OfflineAdmin;
import org.courriel.deploy.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's file against the mail it holds (issue 16, target 4): the same prose-like messages
 * APPENDed one by one over IMAP to a server with the shipped settings (H2 pages compressed, the file compacted
 * at stop) and to one with neither, each stopped as an administrator stops it (SIGTERM); what each file grew
 * by, against the bytes of mail. bench/run-storage.sh measures the same at scale, with churn and on PostgreSQL.
 */
class EmbeddedStoreSizeTest {

    private static final String USER = "size@size.test";
    private static final String PASSWORD = "store size password";
    private static final int MESSAGES = 150;
    private static final String[] WORDS = ("the a of to and in that is for it on with as was be at by this "
            + "have from or one had not but what all were when we there can an your which their said if do will "
            + "each about how up out them then she many some so these would other into has more her two like him "
            + "see time could no make than first been its who now people my made over did down only way find use "
            + "may water long little very after words called just where most know meeting report quarter budget "
            + "server message mailbox delivery attached please review tomorrow thanks regards").split(" ");

    @Test
    void theShippedSettingsStoreTheMailInLessThanItsSize() throws Exception {
        Growth shipped = store(List.of());
        Growth plain = store(List.of("spring.datasource.url=jdbc:h2:file:${courriel.data-dir}/courriel;AUTO_SERVER=TRUE",
                "courriel.store.compact-on-stop=false"));
        System.out.printf("embedded store size: %d bytes of mail; file grew by %d bytes as shipped (%.2f), %d plain (%.2f)%n",
                shipped.mail, shipped.file, shipped.ratio(), plain.file, plain.ratio());
        assertThat(plain.ratio()).as("without compression or compaction the file holds more than the mail")
                .isGreaterThan(1.0);
        assertThat(shipped.ratio()).as("with them, well under").isLessThan(0.7);
    }

    /** What the H2 file grew by for the messages, on a server with those settings, once it stopped. */
    private static Growth store(List<String> settings) throws Exception {
        Files.createDirectories(Path.of("target/store-size"));
        Path data = Files.createTempDirectory(Path.of("target/store-size").toAbsolutePath(), "data-");
        OfflineAdmin.run(data, settings, "domain", "add", "size.test");
        OfflineAdmin.run(data, settings, "user", "add", USER, "--password", PASSWORD);
        long before = Files.size(data.resolve("courriel.mv.db"));
        long mail = 0;
        try (ServerProcess server = ServerProcess.start(data, "size.test", settings);
                LineConnection imap = new LineConnection(server.imapPort)) {
            imap.line();
            assertThat(imap.tagged("l", "LOGIN " + USER + " \"" + PASSWORD + "\"")).startsWith("l OK");
            Random random = new Random(16);
            for (int i = 0; i < MESSAGES; i++) {
                byte[] message = message(i, random);
                mail += message.length;
                imap.send("a" + i + " APPEND INBOX {" + message.length + "+}");
                imap.sendBytes(message);
                imap.send("");
                assertThat(imap.completion("a" + i)).startsWith("a" + i + " OK");
            }
            assertThat(server.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
        return new Growth(mail, Files.size(data.resolve("courriel.mv.db")) - before);
    }

    /** About 16 KB of prose from a small vocabulary: as compressible as plain-text mail is. */
    private static byte[] message(int i, Random random) {
        StringBuilder m = new StringBuilder("From: <sender" + i % 17 + "@size.test>\r\nTo: <" + USER + ">\r\n"
                + "Subject: note " + i + "\r\nMessage-ID: <" + i + "@size.test>\r\n\r\n");
        int line = 0;
        while (m.length() < 16_000) {
            m.append(WORDS[random.nextInt(WORDS.length)]);
            if (++line % 12 == 0) {
                m.append(".\r\n");
            } else {
                m.append(' ');
            }
        }
        return m.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private record Growth(long mail, long file) {
        double ratio() {
            return (double) file / mail;
        }
    }
}
