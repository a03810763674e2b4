package org.courriel.imap.transcript;

import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The NOTIFY, METADATA and CONTEXT transcripts on a real PostgreSQL, whose event bus goes through LISTEN/NOTIFY. */
class PostgresNotifyMetadataTranscriptTest extends ImapTestSupport {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Test
    void metadataFollowsRfc5464() throws Exception {
        transcript("commands/metadata.txt");
    }

    @Test
    void notifyFollowsRfc5465() throws Exception {
        transcript("commands/notify.txt");
    }

    /** RFC 5267 §4: the updates of search and sort contexts follow the same events. */
    @Test
    void contextFollowsRfc5267() throws Exception {
        transcript("commands/context.txt");
    }
}
