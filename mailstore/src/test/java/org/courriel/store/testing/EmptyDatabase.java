package org.courriel.store.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;

/**
 * A new, empty database of either kind a store runs on, for tests that migrate it step by step (a migration's
 * effect on rows an earlier version left): {@code "h2"} in memory, {@code "postgres"} on the embedded server.
 */
public record EmptyDatabase(String url, String user, String password) {

    public static EmptyDatabase of(String kind, String name) {
        return kind.equals("h2") ? new EmptyDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new EmptyDatabase(EmbeddedPostgres.newDatabase(), "postgres", "postgres");
    }

    /** Runs the store's migrations up to and including {@code version}. */
    public void migrateTo(String version) {
        Flyway.configure().dataSource(url, user, password).target(version).load().migrate();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
