package org.courriel.deploy.migrate;

import java.util.List;

/**
 * What one run of a migration did (or, dry, would do).
 *
 * @param source   the old server and login
 * @param account  the Courriel account
 * @param dryRun   nothing was written
 * @param complete every folder was gone through (false when the run stopped at its message limit)
 * @param folders  one line per folder, in the old server's LIST order
 */
public record MigrationReport(String source, String account, boolean dryRun, boolean complete,
        List<Folder> folders) {

    /**
     * @param from     the folder's name on the old server
     * @param to       the Courriel mailbox
     * @param copied   messages copied (dry: that would be)
     * @param present  messages already in the mailbox, left alone
     * @param tooLarge messages over {@code courriel.migrate.max-message-size}, left on the old server
     * @param left     messages left for the next run by the run's message limit
     */
    public record Folder(String from, String to, int copied, int present, int tooLarge, int left) {
    }

    public int copied() {
        return folders.stream().mapToInt(Folder::copied).sum();
    }

    public int present() {
        return folders.stream().mapToInt(Folder::present).sum();
    }

    public int left() {
        return folders.stream().mapToInt(Folder::left).sum();
    }

    public int tooLarge() {
        return folders.stream().mapToInt(Folder::tooLarge).sum();
    }
}
