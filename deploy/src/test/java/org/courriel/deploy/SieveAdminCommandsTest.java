package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.junit.jupiter.api.Test;

/** The sieve admin commands write the account's script, against a file database as an operator would. */
class SieveAdminCommandsTest {

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(AdminCommandLine.parse(args), InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void setsAndClearsOutOfOfficeAndForward() throws Exception {
        String db = "--courriel.data-dir=" + Files.createTempDirectory("courriel-sieve-cli");
        assertThat(run(db, "domain", "add", "example.org").exit()).isZero();
        assertThat(run(db, "user", "add", "bob@example.org", "--password", "secret password").exit()).isZero();

        assertThat(run(db, "sieve", "vacation", "bob@example.org", "5", "Away until Monday.", "Out of office").exit())
                .isZero();
        assertThat(run(db, "sieve", "forward", "bob@example.org", "bob@elsewhere.example", "keep").exit()).isZero();
        String shown = run(db, "sieve", "show", "bob@example.org").out();
        assertThat(shown).contains("# active: courriel-rules").contains("vacation :days 5 :subject \"Out of office\"")
                .contains("redirect :copy \"bob@elsewhere.example\"");

        Result bad = run(db, "sieve", "vacation", "bob@example.org", "500", "x");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("days must be between 1 and 90");
        assertThat(run(db, "sieve", "forward", "nobody@example.org", "x@y.example").exit()).isEqualTo(1);
        assertThat(run(db, "sieve", "frob", "bob@example.org").exit()).isEqualTo(2);

        assertThat(run(db, "sieve", "vacation-off", "bob@example.org").exit()).isZero();
        assertThat(run(db, "sieve", "forward-off", "bob@example.org").exit()).isZero();
        assertThat(run(db, "sieve", "show", "bob@example.org").out()).contains("no active script");
    }
}
