package org.courriel.deploy.cli;

import org.courriel.store.StoreException;
import org.courriel.store.schema.SchemaHistory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Flyway for a command run without a server: it migrates only a database no migration was ever applied to
 * (a data directory set up by {@code courriel domain add} before the first server start), skips Flyway's
 * validation when the schema history's newest version is this jar's newest (or later), and refuses a database
 * that is behind or has a failed migration: only a server start upgrades or repairs a schema, so the command
 * line never migrates a database that a server (perhaps of another version, perhaps on another node) holds.
 * <p>
 * Why skipping the validation is safe: Flyway writes a version into the history only after its script
 * committed, in order, so the newest version being this jar's says that every script up to it ran. What
 * validation adds is the checksum of every script, which catches a script edited after it was applied; a
 * released script is never edited (a new change is a new, higher version: {@code MigrationVersionsTest}), and
 * the server, which every upgrade starts, still validates all of them at each start. The check costs one query and a listing of the scripts' names,
 * where validation reads and checksums every script and Flyway's database support.
 */
final class CommandLineMigration implements FlywayMigrationStrategy {

    @Override
    public void migrate(Flyway flyway) {
        Configuration config = flyway.getConfiguration();
        SchemaHistory history = SchemaHistory.read(config.getDataSource(), config.getTable(), config.getClassLoader());
        switch (history.state()) {
            case CURRENT -> {
                // the schema is this jar's: nothing to migrate, nothing a validation would tell the command
            }
            case EMPTY -> flyway.migrate();
            case BEHIND -> throw new StoreException(StoreException.Reason.UNAVAILABLE, history.failed()
                    ? "the database's schema history records a failed migration: start the server to see why"
                    : "the database's schema is at version " + history.applied().map(Object::toString).orElse("?")
                            + ", this courriel.jar needs " + history.shipped()
                            + ": start the server with this jar once (it upgrades the schema), then run the command again");
        }
    }
}
