package org.courriel.store.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.courriel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Refuses new mail while the disk under the embedded database has less free space than
 * {@code courriel.store.min-free-space}. A database that meets a full disk in the middle of a commit fails it
 * at best and may be left hard to open at worst; refusing before writing keeps the store whole, and the
 * refusal is temporary (SMTP 452 4.3.1, IMAP NO [OVERQUOTA], HTTP 507), so mail comes back once there is room.
 * Everything that frees space (expunge, delete) goes on. The free space is read at most once per
 * {@link #REFRESH}, so the check costs nothing per message.
 */
public final class FreeSpaceGuard {

    /** How long one reading of the free space is trusted. */
    public static final Duration REFRESH = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(FreeSpaceGuard.class);

    private final Path directory;
    private volatile long minimumFree;
    private volatile long usable = Long.MAX_VALUE;
    private volatile long readAt = System.nanoTime() - REFRESH.toNanos();

    /**
     * @param directory   where the database's files are; null when there are none here (PostgreSQL, H2 in memory)
     * @param minimumFree the space that must stay free; zero turns the check off
     */
    public FreeSpaceGuard(Path directory, DataSize minimumFree) {
        this.directory = directory;
        this.minimumFree = minimumFree.toBytes();
        if (directory != null && this.minimumFree > 0) {
            log.info("New mail is refused while {} has less than {} free", directory, minimumFree);
        }
    }

    /** The directory watched, or null when there is nothing to watch. */
    public Path directory() {
        return directory;
    }

    /**
     * Changes the threshold while running (an operator who just freed or added space, tests); the next check
     * applies it.
     */
    public void minimumFreeSpace(DataSize minimum) {
        this.minimumFree = minimum.toBytes();
    }

    /**
     * @throws StoreException {@code STORAGE_FULL} when less than the minimum is free
     */
    public void checkRoomForNewMail() {
        long minimum = minimumFree;
        if (directory == null || minimum <= 0) {
            return;
        }
        long free = usableSpace();
        if (free < minimum) {
            if (!full) {
                full = true; // once per episode: every refused message would repeat it
                log.warn("Refusing new mail: {} has {} MB free, below courriel.store.min-free-space ({} MB)", directory,
                        DataSize.ofBytes(free).toMegabytes(), DataSize.ofBytes(minimum).toMegabytes());
            }
            // the figure stays in the log: clients learn that the disk is full, not how full
            throw new StoreException(StoreException.Reason.STORAGE_FULL, "the server's disk is nearly full, try again later");
        }
        if (full) {
            full = false;
            log.info("Accepting new mail again: {} has {} MB free", directory, DataSize.ofBytes(free).toMegabytes());
        }
    }

    /** Whether the last check found too little room (for one log line per episode). */
    private volatile boolean full;

    private long usableSpace() {
        long now = System.nanoTime();
        if (now - readAt >= REFRESH.toNanos()) {
            try {
                usable = Files.getFileStore(directory).getUsableSpace();
            } catch (IOException e) {
                // Unknown is not full: the database itself reports a write that fails.
                log.warn("Cannot read the free space of {}: {}", directory, e.toString());
                usable = Long.MAX_VALUE;
            }
            readAt = now;
        }
        return usable;
    }
}
