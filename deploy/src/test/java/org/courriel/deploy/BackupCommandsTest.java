package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.courriel.deploy.backup.BackupManifest;
import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code courriel backup} and {@code restore} without a running server, as an operator runs them on the
 * data directory: what they copy, and each refusal with its line and exit code.
 */
class BackupCommandsTest {

    @TempDir
    Path dir;

    @Test
    void withoutAServerTheCommandLineBacksUpAndRestoresOnItsOwn() throws Exception {
        Path data = dir.resolve("data");
        String db = "--courriel.data-dir=" + data;
        assertThat(run(db, "domain", "add", "example.org").exit).isZero();
        assertThat(run(db, "dkim", "add", "example.org", "--selector", "s1", "--algorithm", "ed25519").exit).isZero();
        Path backup = dir.resolve("backup");

        Result taken = run(db, "backup", backup.toString());
        assertThat(taken.exit).as(taken.err).isZero();
        assertThat(backup.resolve("store.zip")).isRegularFile();
        assertThat(backup.resolve("keys/dkim-master.key")).hasSameBinaryContentAs(data.resolve("keys/dkim-master.key"));
        assertThat(backup.resolve("tls/self-signed-certificate.pem")).isRegularFile();
        assertThat(backup.resolve("admin")).doesNotExist();
        assertThat(Files.list(backup).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("manifest.properties", "store.zip", "keys", "tls");
        assertThat(BackupManifest.read(backup.resolve("manifest.properties")).storeIncluded()).isTrue();
        assertThat(run(db, "status").out).contains("backup:      last ").contains(" to " + backup + "\n");

        Result again = run(db, "backup", backup.toString());
        assertThat(again.exit).isEqualTo(ExitCode.REFUSED.code);
        assertThat(again.err).isEqualTo("error: " + backup + " is not empty; back up into a new directory\n");

        Result intoUsed = run(db, "restore", backup.toString());
        assertThat(intoUsed.exit).isEqualTo(ExitCode.REFUSED.code);
        assertThat(intoUsed.err).isEqualTo("error: the data directory " + data
                + " is not empty; restore into an empty one (move the old one away first)\n");

        Path fresh = dir.resolve("fresh");
        Result notABackup = run("--courriel.data-dir=" + fresh, "restore", data.toString());
        assertThat(notABackup.exit).isEqualTo(ExitCode.REFUSED.code);
        assertThat(notABackup.err).isEqualTo("error: " + data + " is not a Courriel backup: it has no manifest.properties\n");
        Result noDir = run("--courriel.data-dir=" + fresh, "restore");
        assertThat(noDir.exit).isEqualTo(ExitCode.USAGE.code);
        assertThat(noDir.err).startsWith("restore takes one backup directory\n");
        assertThat(fresh).as("a refused restore leaves nothing behind").doesNotExist();

        Result restored = run("--courriel.data-dir=" + fresh, "restore", backup.toString());
        assertThat(restored.exit).as(restored.err).isZero();
        assertThat(fresh.resolve("keys/dkim-master.key")).hasSameBinaryContentAs(data.resolve("keys/dkim-master.key"));
        Result list = run("--courriel.data-dir=" + fresh, "dkim", "list");
        assertThat(list.exit).as(list.err).isZero();
        assertThat(list.out).contains("example.org").contains("s1");
    }

    @Test
    void onPostgresTheStoreIsRefusedWithTheProcedureAndTheKeysAreStillCopied() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup");
        Result taken = run("--courriel.data-dir=" + data, "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "backup",
                backup.toString());
        assertThat(taken.exit).isEqualTo(ExitCode.REFUSED.code);
        assertThat(taken.err.lines()).singleElement().asString().startsWith("error: the store is on PostgreSQL")
                .contains("pg_dump").contains("docs/operations.md");
        assertThat(backup.resolve("store.zip")).doesNotExist();
        assertThat(backup.resolve("tls/self-signed-key.pem")).hasSameBinaryContentAs(data.resolve("tls/self-signed-key.pem"));
        assertThat(BackupManifest.read(backup.resolve("manifest.properties")).storeIncluded()).isFalse();

        Path fresh = dir.resolve("fresh");
        Result restored = run("--courriel.data-dir=" + fresh, "restore", backup.toString());
        assertThat(restored.exit).as(restored.err).isZero();
        assertThat(restored.out).contains("restore the PostgreSQL store with its own tools");
        assertThat(fresh.resolve("tls/self-signed-key.pem")).isRegularFile();
        assertThat(fresh.resolve("courriel.mv.db")).doesNotExist();
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(AdminCommandLine.parse(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
