package org.courriel.deploy.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.deploy.migrate.ImapMigration;
import org.courriel.deploy.migrate.ImapSource;
import org.courriel.deploy.migrate.MigrationReport;
import org.courriel.store.StoreException;
import org.springframework.stereotype.Component;

/**
 * {@code migrate imap://user@host[:port] ADDRESS}: copies an account of another IMAP server into a Courriel
 * account ({@link ImapMigration}); a re-run copies only what is missing. The password comes from
 * {@code --password-file} (read by whoever runs the command: the server when one runs) or one line of
 * standard input, never from the command line. Exit code 0 only when every message is in Courriel.
 */
@Component
public class MigrateCommand implements AdminCommand {

    public static final CommandSpec SPEC = new CommandSpec("migrate",
            """
            migrate imap://USER@HOST[:PORT] ADDRESS [--password-file F] [--tls implicit|starttls|none]
                    [--limit N] [--dry-run]       (copy every folder of another IMAP server; resumable)""",
            Set.of("password-file", "tls", "limit"), Set.of("dry-run"));

    private final ImapMigration migration;

    public MigrateCommand(ImapMigration migration) {
        this.migration = migration;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        List<String> words = c.words();
        if (words.size() != 2) {
            throw new UsageException(c.noun() + " imap:// takes a URI and an address");
        }
        ImapSource source;
        try {
            source = ImapSource.parse(words.get(0), c.option("tls") == null ? null : ImapSource.Tls.parse(c.option("tls")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int limit = limit(c.option("limit"));
        boolean dryRun = c.option("dry-run") != null;
        MigrationReport report = migration.migrate(source, password(c, io), words.get(1), limit, dryRun);
        List<String> lines = new java.util.ArrayList<>();
        for (MigrationReport.Folder f : report.folders()) {
            lines.add(f.from() + " -> " + f.to() + ": " + f.copied() + (dryRun ? " to copy, " : " copied, ")
                    + f.present() + " already there" + (f.tooLarge() > 0 ? ", " + f.tooLarge() + " too large" : "")
                    + (f.left() > 0 ? ", " + f.left() + " left for the next run" : ""));
        }
        lines.add((dryRun ? "dry run: " + report.copied() + " messages to copy, " : report.copied() + " messages copied, ")
                + report.present() + " already there, from " + report.source() + " into " + report.account()
                + (report.complete() ? "" : "; run again to copy the rest"));
        if (io.json()) {
            io.result(report, "");
        } else {
            lines.forEach(io.out()::println);
        }
        if (report.tooLarge() > 0) {
            io.err().println("error: " + report.tooLarge() + " messages are larger than courriel.migrate.max-message-size"
                    + " and were left on the old server");
            return ExitCode.REFUSED;
        }
        return ExitCode.OK;
    }

    private static int limit(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new UsageException("--limit takes a positive number of messages, not " + value);
        }
    }

    /** The first line of {@code --password-file}, else one line of standard input. */
    private static String password(AdminCommandLine c, CliIo io) {
        String file = c.option("password-file");
        String password;
        if (file != null) {
            try {
                password = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw StoreException.invalid("cannot read the password file " + file + ": " + e.getMessage());
            }
        } else {
            password = io.stdin().get();
        }
        if (password == null || password.isEmpty()) {
            throw new UsageException("no password given (use --password-file F or one line on standard input)");
        }
        return password;
    }
}
