package org.courriel.deploy.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Puts a backup directory into an empty data directory: the store's database file out of {@code store.zip}
 * (under the name it had, {@code courriel.mv.db} for the default {@code spring.datasource.url}) and the key
 * directories; the server then starts on it. The caller has made sure no server runs on that data directory.
 */
public final class Restore {

    /** H2's backup holds the database file, and nothing else in H2 2.x; a zip of more is not ours. */
    static final int MAX_ENTRIES = 4;

    private Restore() {
    }

    /**
     * Restores {@code backup} into {@code dataDir}, which must be missing or empty.
     *
     * @return the backup's manifest
     * @throws RestoreRefused when {@code backup} is not a backup or {@code dataDir} is not empty
     */
    public static BackupManifest into(Path backup, Path dataDir) throws IOException {
        Path manifestFile = BackupLayout.manifest(backup);
        if (!Files.isRegularFile(manifestFile)) {
            throw new RestoreRefused(backup + " is not a Courriel backup: it has no " + BackupLayout.MANIFEST);
        }
        BackupManifest manifest = BackupManifest.read(manifestFile);
        if (manifest.storeIncluded() && !Files.isRegularFile(BackupLayout.store(backup))) {
            throw new RestoreRefused(backup + " lacks its " + BackupLayout.STORE);
        }
        if (!isEmpty(dataDir)) {
            throw new RestoreRefused("the data directory " + dataDir + " is not empty; restore into an empty one "
                    + "(move the old one away first)");
        }
        if (!Files.exists(dataDir)) {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        }
        if (manifest.storeIncluded()) {
            unpackStore(BackupLayout.store(backup), dataDir);
        }
        DataDirectoryKeys.copy(backup, dataDir);
        return manifest;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    private static void unpackStore(Path zip, Path dataDir) throws IOException {
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (++entries > MAX_ENTRIES || e.isDirectory() || !name.endsWith(".mv.db") || name.contains("/")
                        || name.contains("\\") || name.startsWith(".")) {
                    throw new RestoreRefused(zip + " is not an H2 backup of the store (entry " + name + ")");
                }
                write(in, dataDir.resolve(name));
            }
        }
        if (entries == 0) {
            throw new RestoreRefused(zip + " holds no database");
        }
    }

    /** Writes the entry and forces it to the disk: the server may start at once and take mail. */
    private static void write(InputStream entry, Path file) throws IOException {
        Files.copy(entry, file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
