package org.courriel.store.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.apache.james.mime4j.mboxiterator.CharBufferWrapper;
import org.apache.james.mime4j.mboxiterator.MboxIterator;
import org.courriel.store.StoreException;
import org.courriel.store.mailbox.MailboxName;

/**
 * mboxrd files on disk ({@link MboxrdFormat}): one {@code <folder>.mbox} file per folder, a folder {@code A/B}
 * in {@code A/B.mbox}. Read with Mime4j's {@link MboxIterator}, which maps the file and hands one message at a
 * time from a window of {@code courriel.transfer.max-message-size} characters (of the file's size when that
 * is less: the iterator allocates the whole window).
 */
final class MboxFiles {

    static final String SUFFIX = ".mbox";

    private MboxFiles() {
    }

    static Path file(Path root, String mailbox) {
        return root.resolve(mailbox + SUFFIX);
    }

    static void append(OutputStream out, byte[] message, org.courriel.store.message.Flags flags, Instant date)
            throws IOException {
        out.write(MboxrdFormat.entry(message, flags, date));
    }

    /** One file into the folder named after it, or every {@code .mbox} file under a directory. */
    static void read(Path source, int maxBytes, ImportSink into) throws IOException {
        if (Files.isRegularFile(source)) {
            String name = source.getFileName().toString();
            readFile(source, folder(name), maxBytes, into);
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted().toList();
        }
        for (Path file : files) {
            String relative = source.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
                    String.valueOf(MailboxName.DELIMITER));
            readFile(file, folder(relative), maxBytes, into);
        }
    }

    /** {@code Sent.mbox} is Sent, {@code inbox} or {@code mbox} (mutt's spool) is INBOX. */
    static String folder(String fileName) {
        String name = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length())
                : fileName;
        return name.equalsIgnoreCase("mbox") ? MailboxName.INBOX : MailboxName.normalize(name);
    }

    private static void readFile(Path file, String folder, int maxBytes, ImportSink into)
            throws IOException {
        into.folder(folder);
        if (Files.size(file) == 0) {
            return;
        }
        long size = Files.size(file);
        long consumed = 0;
        String pending = null;
        try (MboxIterator messages = MboxIterator.fromFile(file).charset(StandardCharsets.ISO_8859_1)
                .fromLine(MboxrdFormat.MESSAGE_START).flags(MboxrdFormat.MESSAGE_START_FLAGS)
                .maxMessageSize((int) Math.min(maxBytes, size + 1)).build()) {
            for (CharBufferWrapper entry : messages) {
                if (pending != null) {
                    deliver(pending, file, folder, into);
                }
                pending = entry.toString();
                consumed += MboxrdFormat.MATCHED_BEFORE_ENTRY + pending.length();
            }
        } catch (IllegalArgumentException e) {
            // MboxIterator: no From line in the whole file
            throw StoreException.invalid(file + " is not an mbox file: it has no From line");
        }
        if (pending == null) {
            return;
        }
        // the iterator cuts a message longer than its window and stops there: the entries then fall short of
        // the file, and the last one is not a whole message
        if (consumed >= size) {
            deliver(pending, file, folder, into);
        } else {
            into.message(new Incoming(folder, null, null, null, file + " at byte "
                    + (consumed - MboxrdFormat.MATCHED_BEFORE_ENTRY - pending.length())
                    + " (nothing after it in that file was read)"));
        }
    }

    private static void deliver(String entry, Path file, String folder, ImportSink into) throws IOException {
        MboxrdFormat.MboxMessage m = MboxrdFormat.read(entry);
        Instant date = m.internalDate() == null ? Files.getLastModifiedTime(file).toInstant() : m.internalDate();
        into.message(new Incoming(folder, m.bytes(), m.flags(), date, file.toString()));
    }
}
