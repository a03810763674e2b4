package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code courriel export} and {@code import} without a running server, as an operator brings mail over: an
 * mbox written by Debian's mutt imports with its flags, a re-run and a dry run add nothing, and what one
 * account exports another imports to the same files.
 */
class ExportImportCommandsTest {

    @TempDir
    Path dir;

    @Test
    void anMboxWrittenByMuttImportsOnceAndTravelsOnUnchanged() throws Exception {
        Path mutt = muttMbox();
        String db = "--courriel.data-dir=" + dir.resolve("data");
        assertThat(run(db, "domain", "add", "example.org").exit).isZero();
        assertThat(run(db, "user", "add", "alice@example.org", "--password", "alice password").exit).isZero();
        assertThat(run(db, "user", "add", "bob@example.org", "--password", "bob password").exit).isZero();

        Result dry = run(db, "import", "alice@example.org", mutt.toString(), "--dry-run");
        assertThat(dry.exit).as(dry.err).isZero();
        assertThat(dry.out).isEqualTo("  Sent: 2 messages\nalice@example.org: 2 messages in 1 folders would be "
                + "imported (mbox, " + mutt + ")\n");
        assertThat(run(db, "import", "alice@example.org", mutt.toString(), "--dry-run").out)
                .as("the dry run imported nothing").contains(": 2 messages in 1 folders would be imported");

        Result imported = run(db, "import", "alice@example.org", mutt.toString());
        assertThat(imported.exit).as(imported.err).isZero();
        assertThat(imported.out).endsWith("alice@example.org: 2 messages in 1 folders imported (mbox, " + mutt + ")\n");
        Result again = run(db, "import", "alice@example.org", mutt.toString(), "--json");
        assertThat(again.exit).isZero();
        assertThat(again.out).contains("\"name\" : \"Sent\"").contains("\"messages\" : 0").contains("\"alreadyThere\" : 2");

        Path alice = dir.resolve("alice");
        Result exported = run(db, "export", "alice@example.org", alice.toString(), "--format", "mbox");
        assertThat(exported.exit).as(exported.err).isZero();
        assertThat(exported.out).contains("  Sent: 2 messages\n").contains("  INBOX: 0 messages\n");
        String sent = Files.readString(alice.resolve("Sent.mbox"), StandardCharsets.ISO_8859_1);
        assertThat(sent).startsWith("From MAILER-DAEMON ").contains("Status: RO\n").contains("Subject: First\n")
                .contains("\n>From the old days\n").doesNotContain("\nStatus: RO\nContent-Length");

        Path maildir = dir.resolve("alice-maildir");
        assertThat(run(db, "export", "alice@example.org", maildir.toString()).exit).isZero();
        try (Stream<Path> files = Files.list(maildir.resolve(".Sent/cur"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(2).allMatch(name -> name.matches("\\d+\\.M\\d+V\\d+\\.courriel:2,S"));
        }
        Result intoBob = run(db, "import", "bob@example.org", maildir.toString());
        assertThat(intoBob.exit).as(intoBob.err).isZero();
        assertThat(intoBob.out).contains("2 messages in 6 folders imported (maildir, ");
        Path bob = dir.resolve("bob");
        assertThat(run(db, "export", "bob@example.org", bob.toString(), "--format", "mbox").exit).isZero();
        assertThat(bob.resolve("Sent.mbox")).as("the same messages, flags and dates")
                .hasSameBinaryContentAs(alice.resolve("Sent.mbox"));

        Path everyone = dir.resolve("everyone");
        Result all = run(db, "export", "--all", everyone.toString());
        assertThat(all.exit).as(all.err).isZero();
        assertThat(everyone.resolve("alice@example.org/.Sent/cur")).isDirectory();
        assertThat(everyone.resolve("bob@example.org/.Sent/cur")).isDirectory();
    }

    @Test
    void mistakesAreOneLineWithTheirExitCode() {
        String db = "--courriel.data-dir=" + dir.resolve("data");
        Result usage = run(db, "import", "alice@example.org");
        assertThat(usage.exit).isEqualTo(ExitCode.USAGE.code);
        assertThat(usage.err).startsWith("import takes an address and a directory or file\n");
        Result format = run(db, "export", "alice@example.org", dir.resolve("x").toString(), "--format", "pst");
        assertThat(format.exit).isEqualTo(ExitCode.USAGE.code);
        assertThat(format.err).startsWith("unknown format pst: use maildir or mbox\n");
        Result unknown = run(db, "export", "nobody@example.org", dir.resolve("x").toString());
        assertThat(unknown.exit).isEqualTo(ExitCode.REFUSED.code);
        assertThat(unknown.err).isEqualTo("error: account nobody@example.org does not exist\n");
    }

    /**
     * Two messages as Debian's mutt records sent mail (its Fcc copy, mbox_type=mbox): a {@code Status: RO}
     * at the end of the header, {@code Content-Length}, and a body line starting {@code From } left unquoted.
     */
    private Path muttMbox() throws Exception {
        Path mutt = Tools.require("mutt", "mutt");
        Path mbox = dir.resolve("Sent");
        Path body = Files.writeString(dir.resolve("body.txt"), "Hello\nFrom the old days\n");
        for (String subject : List.of("First", "Second")) {
            ProcessBuilder mail = new ProcessBuilder(mutt.toString(), "-n", "-F", "/dev/null", "-e",
                    "set record=" + mbox + "; set sendmail=/bin/true; set copy=yes; set mbox_type=mbox; "
                            + "set from=alice@example.org; set hostname=example.org",
                    "-s", subject, "bob@example.org")
                    .redirectInput(body.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mutt.log").toFile());
            mail.environment().put("HOME", dir.toString());
            Process p = mail.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("mutt finished").isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("mutt.log"))).isZero();
        }
        assertThat(Files.readString(mbox)).contains("Status: RO\nContent-Length: ").contains("\nFrom the old days\n");
        return mbox;
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
