package org.courriel.deploy.backup;

import java.nio.file.Path;

/**
 * The files of a backup directory: {@code manifest.properties}, {@code store.zip} (H2's {@code BACKUP TO}
 * of the embedded store; absent for PostgreSQL) and the data directory's {@code keys/} and {@code tls/}.
 */
public final class BackupLayout {

    public static final String MANIFEST = "manifest.properties";
    public static final String STORE = "store.zip";

    private BackupLayout() {
    }

    public static Path manifest(Path backup) {
        return backup.resolve(MANIFEST);
    }

    public static Path store(Path backup) {
        return backup.resolve(STORE);
    }
}
