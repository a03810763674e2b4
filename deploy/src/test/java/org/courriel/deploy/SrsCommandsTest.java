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

/** {@code courriel srs list|rotate|remove} against a file database, as an operator rotates the SRS secret. */
class SrsCommandsTest {

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(AdminCommandLine.parse(args), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rotatesKeepsTheOldSecretAcceptedAndRemovesItOnRequest() throws Exception {
        String db = "--courriel.data-dir=" + Files.createTempDirectory("courriel-srs-cli");
        assertThat(run(db, "srs", "list").out()).contains("secret 1, created").contains(", signs");
        assertThat(run(db, "srs", "rotate").out()).contains("secret 2 signs now");
        Result listed = run(db, "srs", "list");
        assertThat(listed.out()).contains("secret 2, created").contains("secret 1, created").contains(", accepted");

        String json = run(db, "--json", "srs", "list").out().replaceAll("\\s", "");
        assertThat(json).contains("\"serial\":2", "\"signing\":true").doesNotContain("key");

        assertThat(run(db, "srs", "remove", "2").exit()).as("the signing secret stays").isEqualTo(2);
        assertThat(run(db, "srs", "remove", "1").out()).contains("secret 1 removed");
        assertThat(run(db, "srs", "list").out()).doesNotContain("secret 1,");
        assertThat(run(db, "srs", "remove", "x").exit()).isEqualTo(2);
        assertThat(run(db, "srs", "frob").exit()).isEqualTo(2);
    }
}
