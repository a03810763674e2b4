package org.courriel.deploy.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * What a backup directory's {@code manifest.properties} says of it.
 *
 * @param takenAt       when the copy began
 * @param version       the Courriel version that took it
 * @param schemaVersion the store's last migration then, or null
 * @param messages      the messages in the store when the copy began (it may hold a few more, committed meanwhile)
 * @param storeIncluded whether {@code store.zip} is there (false: the store is PostgreSQL's to back up)
 */
public record BackupManifest(Instant takenAt, String version, String schemaVersion, long messages,
        boolean storeIncluded) {

    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("taken-at", takenAt.toString());
        p.setProperty("courriel-version", version);
        if (schemaVersion != null) {
            p.setProperty("schema-version", schemaVersion);
        }
        p.setProperty("messages", Long.toString(messages));
        p.setProperty("store-included", Boolean.toString(storeIncluded));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Courriel backup (courriel restore DIR puts it into an empty data directory)");
        }
    }

    /** The manifest in {@code file}; an unreadable one is a {@link RestoreRefused}. */
    public static BackupManifest read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            return new BackupManifest(Instant.parse(p.getProperty("taken-at", "")),
                    p.getProperty("courriel-version", "unknown"), p.getProperty("schema-version"),
                    Long.parseLong(p.getProperty("messages", "0")),
                    Boolean.parseBoolean(p.getProperty("store-included", "false")));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new RestoreRefused(file + " is not a Courriel backup manifest (" + e.getMessage() + ")");
        }
    }
}
