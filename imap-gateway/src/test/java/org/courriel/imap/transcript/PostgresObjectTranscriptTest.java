package org.courriel.imap.transcript;

import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command transcripts whose answers come from the store's newer columns and queries (save dates, previews,
 * content ids, CATENATE's reads and its one transaction) on a real PostgreSQL; {@link CommandTranscriptTest}
 * plays them on H2 with the rest.
 */
class PostgresObjectTranscriptTest extends ImapTestSupport {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"commands/objectid.txt", "commands/savedate.txt", "commands/preview.txt",
        "commands/catenate.txt"})
    void commandFollowsItsRfcOnPostgres(String file) throws Exception {
        transcript(file);
    }
}
