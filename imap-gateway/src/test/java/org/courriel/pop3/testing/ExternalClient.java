package org.courriel.pop3.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client (poplib, fetchmail, getmail) to its end, bounded in time, and returns what it printed. */
public final class ExternalClient {

    private ExternalClient() {
    }

    /** Runs {@code command} in {@code directory}; fails the test when it does not exit 0 within {@code limit}. */
    public static String run(List<String> command, Path directory, Duration limit) throws Exception {
        Path output = directory.resolve("client-output.txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("%s ended within %s; it printed:%n%s", command.getFirst(), limit, printed).isTrue();
        assertThat(process.exitValue()).as("exit status of %s; it printed:%n%s", command, printed).isZero();
        return printed;
    }

    /** Copies a test resource (a script, the test certificate) to a file of {@code directory}. */
    public static Path resource(String name, Path directory) {
        try (InputStream in = ExternalClient.class.getResourceAsStream(name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            Path file = directory.resolve(Path.of(name).getFileName().toString());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Subject of a message file a client wrote, or "" when it has none. */
    public static String subjectOf(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                    .filter(line -> line.startsWith("Subject: ")).map(line -> line.substring(9).strip())
                    .findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
