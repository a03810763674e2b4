package org.courriel.store.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageRecord;

/**
 * A Maildir++ tree on disk: INBOX in the root, other folders in {@code .A.B} directories (each with
 * {@code cur/}, {@code new/}, {@code tmp/} and a {@code maildirfolder} marker), messages in {@code cur/} as
 * {@code <time>.M<uid>V<uidvalidity>.courriel:2,<flags>} files whose modification time is the internal date
 * (as Dovecot reads it), keywords in the folder's {@code dovecot-keywords} file. The keywords file is chosen
 * over an {@code X-Keywords} header because it leaves the message bytes as they were and Dovecot reads it.
 */
final class MaildirFiles {

    static final String KEYWORDS = "dovecot-keywords";

    private MaildirFiles() {
    }

    /** Creates the folder's directories and keyword file; returns its {@code cur/}. */
    static Path createFolder(Path root, String mailbox, List<String> keywords) throws IOException {
        Path dir = root.resolve(MaildirFolders.directory(mailbox));
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        if (!mailbox.equals(MailboxName.INBOX)) {
            Files.write(dir.resolve("maildirfolder"), new byte[0]);
        }
        if (!keywords.isEmpty()) {
            Files.writeString(dir.resolve(KEYWORDS), MaildirFlags.keywordFile(keywords), StandardCharsets.UTF_8);
        }
        return dir.resolve("cur");
    }

    static void write(Path cur, long uidValidity, MessageRecord m, byte[] bytes, List<String> keywords)
            throws IOException {
        String name = m.internalDate().getEpochSecond() + ".M" + m.uid() + "V" + uidValidity + ".courriel:"
                + MaildirFlags.info(m.flags(), keywords);
        Path file = cur.resolve(name);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(m.internalDate()));
    }

    /** Every folder of the tree at {@code root}, INBOX first, each message of a folder in file-name order. */
    static void read(Path root, int maxBytes, ImportSink into) throws IOException {
        List<Object[]> folders = new ArrayList<>();
        if (isFolder(root)) {
            folders.add(new Object[] {MailboxName.INBOX, root});
        }
        try (Stream<Path> children = Files.list(root)) {
            children.sorted().forEach(child -> {
                String mailbox = MaildirFolders.mailbox(child.getFileName().toString());
                if (mailbox != null && isFolder(child)) {
                    folders.add(new Object[] {mailbox, child});
                }
            });
        }
        for (Object[] f : folders) {
            readFolder((String) f[0], (Path) f[1], maxBytes, into);
        }
    }

    private static boolean isFolder(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) || Files.isDirectory(dir.resolve("new"));
    }

    private static void readFolder(String mailbox, Path dir, int maxBytes, ImportSink into)
            throws IOException {
        into.folder(mailbox);
        Path keywordFile = dir.resolve(KEYWORDS);
        List<String> keywords = Files.isRegularFile(keywordFile)
                ? MaildirFlags.parseKeywordFile(Files.readString(keywordFile, StandardCharsets.UTF_8))
                : List.of();
        for (String sub : List.of("new", "cur")) {
            Path messages = dir.resolve(sub);
            if (!Files.isDirectory(messages)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(messages)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                Flags flags = MaildirFlags.parse(file.getFileName().toString(), keywords);
                Instant date = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
                byte[] bytes = Files.size(file) > maxBytes ? null : Files.readAllBytes(file);
                into.message(new Incoming(mailbox, bytes, flags, date, file.toString()));
            }
        }
    }
}
