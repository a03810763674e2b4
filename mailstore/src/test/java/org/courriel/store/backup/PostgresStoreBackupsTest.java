package org.courriel.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.courriel.store.StoreException;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL the record is shared by every node, and the store is left to PostgreSQL's own tools. */
class PostgresStoreBackupsTest extends StoreBackupsContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Test
    void refusesToCopyPostgresAndNamesItsTools() {
        assertThat(backups.copiesOnline()).isFalse();
        assertThatThrownBy(() -> backups.copyTo(Path.of("/nonexistent/store.zip")))
                .isInstanceOf(StoreException.class).hasMessageContaining("pg_dump")
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.NOT_ALLOWED);
    }
}
