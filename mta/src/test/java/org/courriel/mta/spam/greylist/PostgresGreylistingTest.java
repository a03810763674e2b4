package org.courriel.mta.spam.greylist;

import org.courriel.store.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Greylisting on a real PostgreSQL, two nodes sharing it. */
class PostgresGreylistingTest extends GreylistingContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
