package org.courriel.deploy.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * {@code export ADDRESS DIR} and {@code export --all DIR}: an account's folders (or every account's, each in
 * {@code DIR/ADDRESS}) into a new directory as Maildir++ (the default) or mboxrd files. Run by the server when
 * one runs (the command line sends DIR as an absolute path), else on its own context.
 */
@Component
public class ExportCommand implements AdminCommand {

    public static final CommandSpec SPEC = new CommandSpec("export", """
            export ADDRESS DIR [--format maildir|mbox]  (an account's folders into a new directory)
            export --all DIR [--format maildir|mbox]    (every account, each into DIR/ADDRESS)""",
            Set.of("format"), Set.of("all"));

    private final MailTransfer transfer;

    public ExportCommand(MailTransfer transfer) {
        this.transfer = transfer;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        boolean all = c.option("all") != null;
        if (c.words().size() != (all ? 1 : 2)) {
            throw new UsageException(all ? "export --all takes one directory" : "export takes an address and a directory");
        }
        TransferFormat format = c.option("format") == null ? TransferFormat.MAILDIR : format(c.option("format"));
        Path dir = Path.of(c.words().get(all ? 0 : 1)).toAbsolutePath().normalize();
        List<TransferReport> reports = all ? transfer.exportAll(dir, format)
                : List.of(transfer.export(c.words().get(0), dir, format));
        List<String> lines = new ArrayList<>();
        reports.forEach(r -> lines.addAll(TransferLines.of(r, "exported")));
        return io.list(reports, lines);
    }

    static TransferFormat format(String name) {
        try {
            return TransferFormat.of(name);
        } catch (RuntimeException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
