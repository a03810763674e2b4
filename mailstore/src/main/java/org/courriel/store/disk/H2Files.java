package org.courriel.store.disk;

import java.nio.file.Path;
import java.util.Locale;

/** Where an embedded H2 database keeps its files, read from its JDBC URL. */
public final class H2Files {

    private H2Files() {
    }

    /**
     * The directory of the database file of {@code jdbc:h2:[file:]path[;settings]}; null for anything else
     * (in memory, over TCP or SSL, another database).
     */
    public static Path directoryOf(String url) {
        Path file = databaseOf(url);
        return file == null ? null : file.getParent();
    }

    /**
     * The file of the database of {@code jdbc:h2:[file:]path[;settings]} ({@code path.mv.db}); null for anything
     * else, as {@link #directoryOf}.
     */
    public static Path fileOf(String url) {
        Path base = databaseOf(url);
        return base == null ? null : base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /**
     * A file or directory of ours beside the database's file: {@code path + suffix} for
     * {@code jdbc:h2:[file:]path}; null where {@link #fileOf} is.
     */
    public static Path besideDatabase(String url, String suffix) {
        Path base = databaseOf(url);
        return base == null ? null : base.resolveSibling(base.getFileName() + suffix);
    }

    /** The absolute path the URL names, without H2's suffix; null when it names no file here. */
    private static Path databaseOf(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        if (settings >= 0) {
            rest = rest.substring(0, settings);
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:")) {
            return null;
        }
        if (lower.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        if (rest.isEmpty()) {
            return null;
        }
        Path path = Path.of(rest).toAbsolutePath().normalize();
        return path.getParent() == null ? null : path;
    }
}
