package org.courriel.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.courriel.store.testing.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The schema's state as the command line learns it without Flyway's validation, on H2 and PostgreSQL. */
class SchemaHistoryTest {

    private static final ClassLoader LOADER = SchemaHistoryTest.class.getClassLoader();

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (java.util.function.Supplier<DataSource>) () -> new DriverManagerDataSource(
                        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")),
                Arguments.of("PostgreSQL", (java.util.function.Supplier<DataSource>) () -> new DriverManagerDataSource(
                        EmbeddedPostgres.newDatabase(), "postgres", "postgres")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNewDatabaseIsEmptyAMigratedOneCurrentAnOlderOneBehind(String name,
            java.util.function.Supplier<DataSource> database) {
        DataSource ds = database.get();
        assertThat(read(ds).state()).isEqualTo(SchemaHistory.State.EMPTY);

        Flyway.configure(LOADER).dataSource(ds).load().migrate();
        SchemaHistory migrated = read(ds);
        assertThat(migrated.state()).isEqualTo(SchemaHistory.State.CURRENT);
        assertThat(migrated.applied()).contains(migrated.shipped());

        JdbcTemplate sql = new JdbcTemplate(ds);
        sql.update("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = ?", migrated.shipped().getVersion());
        SchemaHistory older = read(ds);
        assertThat(older.state()).isEqualTo(SchemaHistory.State.BEHIND);
        assertThat(older.applied()).isPresent().get().matches(v -> v.isNewerThan("1") && !v.isAtLeast(migrated.shipped().getVersion()));

        sql.update("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");
        SchemaHistory failed = read(ds);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.state()).isEqualTo(SchemaHistory.State.BEHIND);
    }

    @Test
    void aDatabaseANewerBuildMigratedIsCurrent() {
        MigrationVersion shipped = SchemaHistory.newestShipped(LOADER);
        SchemaHistory newer = new SchemaHistory(shipped, Optional.of(MigrationVersion.fromVersion("9999")), false);
        assertThat(newer.state()).isEqualTo(SchemaHistory.State.CURRENT);
    }

    @Test
    void versionsComeFromVersionedMigrationNamesOnly() {
        assertThat(SchemaHistory.version("V89__server_secret.sql")).contains(MigrationVersion.fromVersion("89"));
        assertThat(SchemaHistory.version("V1_2__a.sql")).contains(MigrationVersion.fromVersion("1.2"));
        assertThat(SchemaHistory.version("R__view.sql")).isEmpty();
        assertThat(SchemaHistory.version("V3__notes.txt")).isEmpty();
        assertThat(SchemaHistory.newestShipped(LOADER).isAtLeast("89")).isTrue();
    }

    private static SchemaHistory read(DataSource ds) {
        return SchemaHistory.read(ds, "flyway_schema_history", LOADER);
    }
}
