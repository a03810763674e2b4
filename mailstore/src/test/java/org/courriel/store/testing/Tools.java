package org.courriel.store.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the independent implementations that interoperability tests run (dkimverify, rspamd, dovecot, fetchmail...).
 * A missing tool fails the test with the Debian package to install: an interop test never passes by skipping.
 * {@code .ci/run} installs every package named here.
 */
public final class Tools {

    private Tools() {
    }

    /** The path of {@code command} on PATH or (or /usr/sbin, /sbin); fails naming {@code debianPackage}. */
    public static Path require(String command, String debianPackage) {
        return find(command).orElseThrow(() -> new AssertionError(
                command + " not found: this test runs it; install Debian's package (apt-get install -y " + debianPackage
                        + "), as .ci/run does"));
    }

    public static Optional<Path> find(String command) {
        if (command.contains("/")) {
            Path path = Path.of(command);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/local/sbin";
        return Arrays.stream(pathVariable.split(":"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
