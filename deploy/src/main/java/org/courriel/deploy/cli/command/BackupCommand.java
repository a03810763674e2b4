package org.courriel.deploy.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.courriel.CourrielApplication;
import org.courriel.access.ServerProperties;
import org.courriel.deploy.backup.BackupLayout;
import org.courriel.deploy.backup.BackupManifest;
import org.courriel.deploy.backup.DataDirectoryKeys;
import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.store.StoreException;
import org.courriel.store.backup.StoreBackups;
import org.courriel.store.backup.StoreFacts;
import org.springframework.stereotype.Component;

/**
 * {@code backup DIR}: an online copy of the embedded store (H2's {@code BACKUP TO}, while the server takes
 * mail), the data directory's keys and certificates, and a manifest, into a new directory; recorded in the
 * store for {@code status}. A PostgreSQL store is refused with the documented procedure, its keys still copied.
 * Run by the server when one runs (the command line sends DIR as an absolute path), else on its own context.
 */
@Component
public class BackupCommand implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("backup",
            "backup DIR                            (store, keys and certificates into a new directory)");

    private final StoreBackups backups;
    private final ServerProperties server;

    public BackupCommand(StoreBackups backups, ServerProperties server) {
        this.backups = backups;
        this.server = server;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        if (c.words().size() != 1) {
            throw new UsageException("backup takes one directory");
        }
        Path dir = Path.of(c.words().get(0)).toAbsolutePath().normalize();
        try {
            prepare(dir);
            Instant takenAt = backups.now();
            boolean online = backups.copiesOnline();
            StoreFacts facts = backups.facts();
            if (online) {
                backups.copyTo(BackupLayout.store(dir));
            }
            List<String> keys = DataDirectoryKeys.copy(server.dataDir().toAbsolutePath(), dir);
            BackupManifest manifest = new BackupManifest(takenAt, version(), facts.schemaVersion(), facts.messages(),
                    online);
            manifest.write(BackupLayout.manifest(dir));
            backups.record(takenAt, dir.toString(), online);
            if (!online) {
                io.err().println("error: the store is on PostgreSQL, which Courriel does not copy: back it up with "
                        + "pg_dump or a base backup (docs/operations.md, \"Backup and restore\"); the keys and "
                        + "certificates (" + keys.size() + " files) and the manifest are in " + dir);
                return ExitCode.REFUSED;
            }
            return io.result(manifest, "backup of " + facts.messages() + " messages (schema " + facts.schemaVersion()
                    + ") and " + keys.size() + " key and certificate files written to " + dir);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.INVALID, "cannot write the backup to " + dir + ": " + e, e);
        }
    }

    /** A new or empty directory: a backup never mixes with another. */
    private static void prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw StoreException.invalid(dir + " is not a directory");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw StoreException.invalid(dir + " is not empty; back up into a new directory");
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static String version() {
        String v = CourrielApplication.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
