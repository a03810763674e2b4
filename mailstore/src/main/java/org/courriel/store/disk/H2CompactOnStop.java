package org.courriel.store.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.courriel.store.lifecycle.ShutdownPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Compacts the embedded H2 file when the node stops ({@code courriel.store.compact-on-stop}).
 * <p>
 * H2's MVStore never writes a page in place: every commit writes the pages it changed into a new chunk, and the
 * space of the old ones is reused only once they have been unused for its retention time (45 s). Under mail
 * arriving message by message the file so grows to several times the data it holds (4.5 times the mail for
 * 150 messages APPENDed one by one, {@code EmbeddedStoreSizeTest}), and the little compaction H2 tries at
 * close leaves it so when the chunks themselves are full. {@code SHUTDOWN COMPACT} copies the live data into
 * a new file, compressed, and puts it in the old one's place; a node killed during it keeps the old file
 * (H2 writes the copy under another name first). It needs room for the copy: with less free space than the
 * file's size it is skipped, with a warning, and the file stays as it is. So is a file that is already
 * mostly live data ({@link #WORTH_IT}: a stop right after another paid 2.5 s for nothing on 105 MB).
 * <p>
 * The cost is a full copy of the live data at each stop, bounded by its size (measured in bench/README.md);
 * nothing is done for PostgreSQL, where VACUUM reuses the space, nor for H2 in memory.
 */
public final class H2CompactOnStop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2CompactOnStop.class);
    /** Compacted only when live data fills less than this share of the file, in per cent. */
    static final int WORTH_IT = 80;

    private final DataSource dataSource;
    private final Path file;
    private volatile boolean running;

    /**
     * @param file the H2 database file, or null when there is none to compact (PostgreSQL, H2 in memory, or
     *             the setting off)
     */
    public H2CompactOnStop(DataSource dataSource, Path file) {
        this.dataSource = dataSource;
        this.file = file;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            long before = Files.size(file);
            long free = Files.getFileStore(file).getUsableSpace();
            if (free < before) {
                log.warn("Not compacting {} at stop: {} MB free, the copy may need up to {} MB", file,
                        free >> 20, before >> 20);
                return;
            }
            long start = System.nanoTime();
            Connection c = dataSource.getConnection();
            try (Statement s = c.createStatement()) {
                int live = livePercent(s);
                if (live >= WORTH_IT) {
                    log.info("Not compacting {} ({} MB): {} % of it is live data", file, before >> 20, live);
                    return;
                }
                s.execute("SHUTDOWN COMPACT");
            } finally {
                closeClosed(c);
            }
            log.info("Compacted {} from {} MB to {} MB in {} ms", file, before >> 20, Files.size(file) >> 20,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | IOException | RuntimeException e) {
            // the database closes as it would have; the file is the old one or the whole copy
            log.warn("Could not compact {} at stop: {}", file, e.toString());
        }
    }

    /**
     * The share of the file that live data fills: the part of the file in chunks times the live part of those
     * (H2's {@code info.FILL_RATE} and {@code info.CHUNKS_FILL_RATE}); 0, so compacted, when H2 does not say.
     */
    private static int livePercent(Statement s) throws SQLException {
        int file = -1;
        int chunks = -1;
        try (ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                int value = Integer.parseInt(rs.getString(2).trim());
                if (rs.getString(1).equals("info.FILL_RATE")) {
                    file = value;
                } else {
                    chunks = value;
                }
            }
        } catch (NumberFormatException e) {
            return 0;
        }
        return file < 0 || chunks < 0 ? 0 : file * chunks / 100;
    }

    /**
     * Gives the connection back to the pool, whose reset of it fails once the database is shut down (H2 90121):
     * harmless, the pool closes it. (Without the shutdown it simply goes back.)
     */
    private static void closeClosed(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("Connection closed after the database: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After everything else ({@link ShutdownPhase#DATABASE}): once compacted the database is closed. */
    @Override
    public int getPhase() {
        return ShutdownPhase.DATABASE;
    }
}
