package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.junit.jupiter.api.Test;

/** {@code courriel shared ...} without a running server: the command opens the database itself. */
class SharedCommandLineTest {

    @Test
    void addsGrantsListsAndDeletesASharedMailboxAndRefusesWhatIsWrong() throws Exception {
        String db = "--courriel.data-dir=" + Files.createTempDirectory("courriel-shared");
        assertThat(run(db, "domain", "add", "example.org").exit).isZero();
        assertThat(run(db, "user", "add", "alice@example.org", "--password", "secret password").exit).isZero();

        Result added = run(db, "shared", "add", "info@example.org", "--grant", "alice@example.org=lrswipte");
        assertThat(added.exit).as(added.err).isZero();
        assertThat(added.out).contains("info@example.org", "Shared Folders/info");
        assertThat(run(db, "shared", "add", "info@example.org").exit).isEqualTo(1);
        assertThat(run(db, "shared", "add", "sales@example.org", "--grant", "alice@example.org=lrQ").err)
                .contains("Uppercase rights are not allowed");
        assertThat(run(db, "shared", "add", "sales@example.org", "--grant", "alice@example.org").exit).isEqualTo(2);
        assertThat(run(db, "shared", "add", "sales@example.org", "--grant", "nobody@example.org=lr").exit)
                .isEqualTo(1);

        assertThat(run(db, "shared", "grant", "info@example.org", "anyone", "lr").exit).isZero();
        Result listed = run(db, "shared", "list", "--json");
        assertThat(listed.out.replace(" ", "")).contains("\"address\":\"info@example.org\"",
                "\"folder\":\"SharedFolders/info\"", "\"alice@example.org\":\"lrswipte\"", "\"anyone\":\"lr\"")
                .doesNotContain("sales@example.org");
        assertThat(run(db, "shared", "grant", "info@example.org", "anyone", "").exit).isZero();
        assertThat(run(db, "shared", "show", "info@example.org").out).doesNotContain("anyone");
        assertThat(run(db, "shared", "show", "alice@example.org").exit).isEqualTo(1);
        assertThat(run(db, "user", "passwd", "info@example.org", "--password", "a long password").exit).isEqualTo(1);
        // a quota as for a user's account; a '/' in the local part would read as a folder level
        assertThat(run(db, "shared", "add", "orders@example.org", "--quota", "2MB").exit).isZero();
        assertThat(run(db, "user", "list", "--json").out.replace(" ", "")).contains("\"address\":\"orders@example.org\"");
        assertThat(run(db, "user", "list", "--json").out).contains(String.valueOf(2L * 1024 * 1024));
        assertThat(run(db, "shared", "add", "orders/eu@example.org").exit).isEqualTo(1);

        assertThat(run(db, "shared", "delete", "info@example.org").exit).isZero();
        assertThat(run(db, "shared", "list").out).doesNotContain("info@example.org");
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(AdminCommandLine.parse(args), System.in,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
