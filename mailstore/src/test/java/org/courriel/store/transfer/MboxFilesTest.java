package org.courriel.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mbox files read through Mime4j's iterator: whole messages only, a message past the window reported. */
class MboxFilesTest {

    @TempDir
    Path dir;

    private final List<String> folders = new ArrayList<>();
    private final List<Incoming> messages = new ArrayList<>();
    private final ImportSink sink = new ImportSink() {
        @Override
        public void folder(String mailbox) {
            folders.add(mailbox);
        }

        @Override
        public void message(Incoming message) {
            messages.add(message);
        }
    };

    private static String text(Incoming m) {
        return new String(m.bytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsEveryMessageOfAFileIntoTheFolderNamedAfterIt() throws Exception {
        Path file = Files.writeString(dir.resolve("Old Mail.mbox"), """
                From a Thu Jan 11 09:05:00 2024
                Subject: one

                From the start of a line, but no From line: no year at its end
                >From quoted

                From b@example.org Fri Jan 12 10:00:00 2024
                Subject: two

                bye
                """);
        MboxFiles.read(file, 1024, sink);
        assertThat(folders).containsExactly("Old Mail");
        assertThat(messages).extracting(MboxFilesTest::text).containsExactly(
                "Subject: one\n\nFrom the start of a line, but no From line: no year at its end\nFrom quoted\n",
                "Subject: two\n\nbye");
        assertThat(messages.get(1).internalDate()).hasToString("2024-01-12T10:00:00Z");
    }

    @Test
    void aMessagePastTheWindowIsReportedNotCut() throws Exception {
        String big = "From a@b Thu Jan 11 09:05:00 2024\nSubject: big\n\n" + ("x".repeat(80) + "\n").repeat(50) + "\n";
        Path file = Files.writeString(dir.resolve("mbox"), "From a@b Thu Jan 11 09:05:00 2024\nSubject: small\n\nhi\n\n"
                + big + "From a@b Thu Jan 11 09:05:00 2024\nSubject: after\n\nbye\n\n");
        MboxFiles.read(file, 1024, sink);
        assertThat(folders).containsExactly("INBOX");
        assertThat(messages).hasSize(2);
        assertThat(text(messages.get(0))).isEqualTo("Subject: small\n\nhi\n");
        assertThat(messages.get(1).bytes()).as("the cut message is not imported").isNull();
        assertThat(messages.get(1).origin()).isEqualTo(file + " at byte 54 (nothing after it in that file was read)");
    }
}
