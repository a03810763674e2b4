package org.courriel.store.transfer;

import java.util.List;

/**
 * What an export or import did, or (with {@code dryRun}) what an import would do.
 *
 * @param account  the account's address
 * @param format   the files' format
 * @param path     the directory or file written or read
 * @param dryRun   whether nothing was changed
 * @param folders  per folder: messages written or imported, and messages the folder held already
 * @param warnings what was left out, one line each (a message past the size bound, keywords past 26 in Maildir)
 */
public record TransferReport(String account, String format, String path, boolean dryRun, List<Folder> folders,
        List<String> warnings) {

    public TransferReport {
        folders = List.copyOf(folders);
        warnings = List.copyOf(warnings);
    }

    /** One folder's counts. */
    public record Folder(String name, long messages, long alreadyThere) {
    }

    public long messages() {
        return folders.stream().mapToLong(Folder::messages).sum();
    }

    public long alreadyThere() {
        return folders.stream().mapToLong(Folder::alreadyThere).sum();
    }
}
