package org.courriel.deploy.cli.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.courriel.access.ServerProperties;
import org.courriel.deploy.backup.BackupManifest;
import org.courriel.deploy.backup.Restore;
import org.courriel.deploy.backup.RestoreRefused;
import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.store.StoreException;
import org.springframework.stereotype.Component;

/**
 * {@code restore DIR}: puts a backup into an empty data directory, with no server running on it. The command
 * line does it itself, before anything opens a database ({@link #withoutServer}); a running server that
 * receives it over the admin socket refuses, since its data directory is in use.
 */
@Component
public class RestoreCommand implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("restore",
            "restore DIR                           (a backup into an empty data directory; no server running)");

    private final ServerProperties server;

    public RestoreCommand(ServerProperties server) {
        this.server = server;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        throw new StoreException(StoreException.Reason.NOT_ALLOWED, "a server is running on the data directory "
                + server.dataDir().toAbsolutePath() + "; stop it, then restore into an empty data directory");
    }

    /** Restores {@code c}'s backup into {@code dataDir}, no Spring and no database involved. */
    public static ExitCode withoutServer(AdminCommandLine c, Path dataDir, PrintStream out, PrintStream err) {
        if (c.usageError() != null || c.words().size() != 1) {
            err.println(c.usageError() != null ? c.usageError() : "restore takes one backup directory");
            err.println(AdminCommandLine.USAGE);
            return ExitCode.USAGE;
        }
        Path backup = Path.of(c.words().get(0)).toAbsolutePath().normalize();
        Path target = dataDir.toAbsolutePath().normalize();
        try {
            BackupManifest m = Restore.into(backup, target);
            String text = m.storeIncluded()
                    ? "restored the backup of " + m.takenAt() + " (" + m.messages() + " messages, schema "
                            + m.schemaVersion() + ") into " + target + "; start the server on it"
                    : "restored the keys and certificates of the backup of " + m.takenAt() + " into " + target
                            + "; restore the PostgreSQL store with its own tools (docs/operations.md)";
            return new CliIo(out, err, () -> null, c.json()).result(m, text);
        } catch (RestoreRefused e) {
            err.println("error: " + e.getMessage());
            return ExitCode.REFUSED;
        } catch (IOException e) {
            err.println("error: cannot restore " + backup + " into " + target + ": " + e);
            return ExitCode.REFUSED;
        }
    }
}
