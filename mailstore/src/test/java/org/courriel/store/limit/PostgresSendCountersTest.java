package org.courriel.store.limit;

import org.courriel.store.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Send counters on a real PostgreSQL: two nodes sharing it count against one limit. */
class PostgresSendCountersTest extends SendCountersContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
