package org.courriel.deploy.backup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The secrets of a data directory a backup must keep, since the store is useless without them: {@code keys/}
 * (the DKIM master key that encrypts the DKIM private keys in the store) and {@code tls/} (the generated
 * self-signed certificate and its key). Not the admin socket's directory: the socket's permissions are its
 * only credential, and a new server makes a new one. Files keep their permissions (owner-only keys stay so).
 */
public final class DataDirectoryKeys {

    /** The data directory's sub-directories a backup copies. */
    public static final List<String> DIRECTORIES = List.of("keys", "tls");

    private DataDirectoryKeys() {
    }

    /**
     * Copies the key directories of {@code from} into {@code to}, which has none of them yet.
     *
     * @return the files copied, relative to {@code from}
     */
    public static List<String> copy(Path from, Path to) throws IOException {
        List<String> copied = new ArrayList<>();
        for (String name : DIRECTORIES) {
            Path source = from.resolve(name);
            if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                copyTree(source, to.resolve(name), from, copied);
            }
        }
        return copied;
    }

    private static void copyTree(Path source, Path target, Path base, List<String> copied) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path made = target.resolve(source.relativize(dir).toString());
                Files.createDirectories(made);
                Files.setPosixFilePermissions(made, Files.getPosixFilePermissions(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) { // no sockets, links or devices
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    copied.add(base.relativize(file).toString());
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
