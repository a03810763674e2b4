package org.courriel.deploy.cli.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.store.transfer.MailTransfer;
import org.courriel.store.transfer.TransferFormat;
import org.courriel.store.transfer.TransferReport;
import org.springframework.stereotype.Component;

/**
 * {@code import ADDRESS DIR|FILE}: a Maildir++ tree, an mbox file or a directory of {@code .mbox} files into an
 * account, folders created when missing; messages a folder holds already are skipped, so a re-run adds
 * nothing; {@code --dry-run} prints what would be imported. Run by the server when one runs (the command line
 * sends the path as an absolute one, the server reads the files), else on its own context.
 * {@code import imap://USER@HOST[:PORT] ADDRESS} is {@code migrate}, with its arguments and options: the
 * spelling of issue 14 for a migration from another IMAP server.
 */
@Component
public class ImportCommand implements AdminCommand {

    public static final CommandSpec SPEC = new CommandSpec("import",
            """
            import ADDRESS DIR|FILE [--format maildir|mbox] [--dry-run]  (Maildir or mbox files into an account)
            import imap://USER@HOST[:PORT] ADDRESS ...   (the same as migrate, with its options)""",
            Set.of("format", "password-file", "tls", "limit"), Set.of("dry-run"));

    private final MailTransfer transfer;
    private final MigrateCommand migrate;

    public ImportCommand(MailTransfer transfer, MigrateCommand migrate) {
        this.transfer = transfer;
        this.migrate = migrate;
    }

    /** Whether the command's first word names another IMAP server ({@code imap://} or {@code imaps://}). */
    public static boolean fromImapServer(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String first = words.get(0).toLowerCase(Locale.ROOT);
        return first.startsWith("imap://") || first.startsWith("imaps://");
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        if (fromImapServer(c.words())) {
            if (c.option("format") != null) {
                throw new UsageException("--format is for Maildir and mbox files, not an imap:// server");
            }
            return migrate.run(c, io);
        }
        if (c.words().size() != 2) {
            throw new UsageException("import takes an address and a directory or file");
        }
        TransferFormat format = c.option("format") == null ? null : ExportCommand.format(c.option("format"));
        boolean dryRun = c.option("dry-run") != null;
        Path source = Path.of(c.words().get(1)).toAbsolutePath().normalize();
        TransferReport report = transfer.importInto(c.words().get(0), source, format, dryRun);
        return io.list(List.of(report),
                TransferLines.of(report, dryRun ? "would be imported" : "imported"));
    }
}
