package courriel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes the messages {@link FillMailbox} stores, byte for byte, as a Maildir's new mail (one file each, internal
 * date as the file's time), so that a bench gives Dovecot the same folder as Courriel. Not a test.
 * <p>
 * {@code java -Dloader.path=deploy/target/test-classes -Dloader.main=courriel.bench.WriteMaildir -cp
 * deploy/target/courriel.jar org.springframework.boot.loader.launch.PropertiesLauncher MAILDIR ADDRESS COUNT}
 */
public final class WriteMaildir {

    public static void main(String[] args) throws IOException {
        Path maildir = Path.of(args[0]);
        String address = args[1];
        int count = Integer.parseInt(args[2]);
        for (String sub : new String[] {"new", "cur", "tmp"}) {
            Files.createDirectories(maildir.resolve(sub));
        }
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            Instant date = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 600L);
            byte[] message = FillMailbox.message(i, address, date);
            bytes += message.length;
            Path file = maildir.resolve("new").resolve(date.getEpochSecond() + ".M" + i + ".bench,S=" + message.length);
            Files.write(file, message);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(date));
        }
        System.out.printf("wrote %d messages (%d bytes) to %s%n", count, bytes, maildir);
    }
}
