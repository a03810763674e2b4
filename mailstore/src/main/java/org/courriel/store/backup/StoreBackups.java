package org.courriel.store.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import org.courriel.store.StoreException;
import org.courriel.store.commit.SyncAfterCommit;
import org.courriel.store.disk.H2Files;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Copies the store while it runs, when it is an embedded H2 database, and records each backup taken.
 * <p>
 * H2's {@code BACKUP TO} first writes what is committed to the file, then copies the MVStore file while it
 * keeps no space free for reuse, so the chunks of the copied state are not overwritten under the copy: the
 * zip holds the state of the moment the copy began, plus perhaps later commits, never half a transaction.
 * Courriel acknowledges a message only once it is synced (see {@code org.courriel.store.commit}), so every
 * message acknowledged before the backup began is in it.
 */
@Service
public class StoreBackups {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final SyncAfterCommit durable;
    private final Clock clock;

    @Autowired
    public StoreBackups(JdbcClient jdbc, DataSource dataSource, SyncAfterCommit durable) {
        this(jdbc, dataSource, durable, Clock.systemUTC());
    }

    StoreBackups(JdbcClient jdbc, DataSource dataSource, SyncAfterCommit durable, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.durable = durable;
        this.clock = clock;
    }

    /** Whether {@link #copyTo} can copy this store: an H2 database in a file. */
    public boolean copiesOnline() {
        try (Connection c = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())
                    && H2Files.directoryOf(c.getMetaData().getURL()) != null;
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "cannot reach the store: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a consistent copy of the whole database to the zip file {@code zip}, which must not exist.
     *
     * @throws StoreException NOT_ALLOWED when the store is not an H2 file database
     */
    public void copyTo(Path zip) {
        if (!copiesOnline()) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                    "only an embedded H2 store is copied by Courriel; back PostgreSQL up with pg_dump or a base backup");
        }
        // BACKUP TO takes an expression: the path as a string literal, its quotes doubled
        String literal = "'" + zip.toAbsolutePath().toString().replace("'", "''") + "'";
        jdbc.sql("BACKUP TO " + literal).update();
    }

    /** The schema version and message count, for the manifest. */
    public StoreFacts facts() {
        // Flyway creates its table with quoted lower-case names; H2 would otherwise look for upper case
        Optional<String> version = jdbc.sql("""
                SELECT "version" FROM "flyway_schema_history"
                WHERE "success" = TRUE AND "version" IS NOT NULL ORDER BY "installed_rank" DESC
                FETCH FIRST 1 ROWS ONLY""")
                .query(String.class).optional();
        long messages = jdbc.sql("SELECT COUNT(*) FROM message").query(Long.class).single();
        return new StoreFacts(version.orElse(null), messages);
    }

    /** Records a backup taken now, durably, and returns it. */
    public BackupRecord record(Instant takenAt, String directory, boolean storeIncluded) {
        jdbc.sql("INSERT INTO store_backup (taken_at, directory, store_included) VALUES (?, ?, ?)")
                .params(OffsetDateTime.ofInstant(takenAt, ZoneOffset.UTC), directory, storeIncluded).update();
        durable.register();
        return new BackupRecord(takenAt, directory, storeIncluded);
    }

    /** The clock backups are timed by. */
    public Instant now() {
        return clock.instant();
    }

    /** The last backup recorded, if any. */
    public Optional<BackupRecord> last() {
        return jdbc.sql("SELECT taken_at, directory, store_included FROM store_backup ORDER BY taken_at DESC, id DESC"
                + " FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> new BackupRecord(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        rs.getBoolean(3)))
                .optional();
    }
}
