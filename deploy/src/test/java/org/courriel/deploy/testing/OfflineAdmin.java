package org.courriel.deploy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;

/** The admin command line without a server, in this JVM, on a data directory, as the tests set one up. */
public final class OfflineAdmin {

    private OfflineAdmin() {
    }

    /**
     * Runs {@code words} on the data directory with those settings ({@code name=value}, Spring placeholders such
     * as {@code ${courriel.data-dir}} resolved); fails the test, with the command's standard error, unless it
     * exits 0.
     */
    public static void run(Path data, List<String> settings, String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.add("--courriel.data-dir=" + data);
        settings.forEach(s -> args.add("--" + s));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(AdminCommandLine.parse(args.toArray(String[]::new)), System.in,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
