package org.courriel.store.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * How a database's schema stands against this build's migrations, from the file names of the migrations and
 * the rows of Flyway's schema history table alone (no script is read, parsed or checksummed).
 *
 * @param shipped the newest versioned migration this build ships
 * @param applied the newest version the history records as applied, empty for a database Flyway never touched
 * @param failed  whether the history records a failed migration
 */
public record SchemaHistory(MigrationVersion shipped, Optional<MigrationVersion> applied, boolean failed) {

    /** Where Flyway finds the store's migrations (Spring Boot's default {@code spring.flyway.locations}). */
    public static final String LOCATION = "classpath*:db/migration/";

    /** Flyway's versioned migration file name: {@code V<version>__<description>.sql}. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

    public enum State {
        /** No migration applied yet: the database is new (or not Courriel's). */
        EMPTY,
        /** The newest migration applied is this build's newest, or a later one (a newer node upgraded it). */
        CURRENT,
        /** Older than this build, or a migration failed: only a server start may upgrade or repair it. */
        BEHIND
    }

    public State state() {
        if (failed) {
            return State.BEHIND;
        }
        if (applied.isEmpty()) {
            return State.EMPTY;
        }
        return applied.get().compareTo(shipped) >= 0 ? State.CURRENT : State.BEHIND;
    }

    /** Reads the history table {@code table} (Flyway's {@code flyway_schema_history} by default) of the database. */
    public static SchemaHistory read(DataSource dataSource, String table, ClassLoader loader) {
        MigrationVersion shipped = newestShipped(loader);
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, table)) {
                return new SchemaHistory(shipped, Optional.empty(), false);
            }
            MigrationVersion newest = null;
            boolean failed = false;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + table + "\""
                            + " WHERE \"version\" IS NOT NULL")) {
                while (rs.next()) {
                    if (!rs.getBoolean(2)) {
                        failed = true;
                        continue;
                    }
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    if (newest == null || v.compareTo(newest) > 0) {
                        newest = v;
                    }
                }
            }
            return new SchemaHistory(shipped, Optional.ofNullable(newest), failed);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema history: " + e.getMessage(), e);
        }
    }

    /** The newest {@code V...__*.sql} under {@link #LOCATION}, by Flyway's version order. */
    static MigrationVersion newestShipped(ClassLoader loader) {
        Resource[] scripts;
        try {
            scripts = new PathMatchingResourcePatternResolver(loader).getResources(LOCATION + "V*__*.sql");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations", e);
        }
        return Stream.of(scripts).map(Resource::getFilename).map(SchemaHistory::version).flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no migration under " + LOCATION));
    }

    /** The version of a versioned migration's file name, empty for another file. */
    static Optional<MigrationVersion> version(String fileName) {
        Matcher m = fileName == null ? null : VERSIONED.matcher(fileName);
        return m != null && m.matches() ? Optional.of(MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                : Optional.empty();
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
