package org.courriel.store.commit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a committed batch durable where the database does not by itself.
 * <p>
 * PostgreSQL (synchronous_commit on, its default) has flushed its WAL when COMMIT returns: nothing to do.
 * H2's MVStore keeps commits in memory and writes them later (WRITE_DELAY, 500 ms by default), so a
 * kill -9 would lose them; {@code CHECKPOINT SYNC} writes the store and forces it to the device. Done once
 * per batch, this is group commit: one fsync for every message of the batch.
 */
public final class DurabilitySync {

    private static final Logger log = LoggerFactory.getLogger(DurabilitySync.class);

    private final DataSource dataSource;
    private final boolean h2;

    public DurabilitySync(DataSource dataSource) {
        this.dataSource = dataSource;
        this.h2 = isH2(dataSource);
        if (h2) {
            log.info("H2 store: every group commit ends with CHECKPOINT SYNC");
        }
    }

    public boolean needed() {
        return h2;
    }

    public void sync() throws SQLException {
        if (!h2) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to learn its kind", e);
        }
    }
}
