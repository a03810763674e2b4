package org.courriel.deploy.cli.socket;

import java.nio.file.Path;

/** Where the admin socket lives: the configured path, else {@code admin/admin.sock} in the data directory. */
public final class AdminSocketLocation {

    static final String DIRECTORY = "admin";
    static final String FILE = "admin.sock";

    private AdminSocketLocation() {
    }

    public static Path of(String configuredPath, String dataDir) {
        if (configuredPath != null && !configuredPath.isBlank()) {
            return Path.of(configuredPath).toAbsolutePath();
        }
        return Path.of(dataDir).toAbsolutePath().normalize().resolve(DIRECTORY).resolve(FILE);
    }
}
