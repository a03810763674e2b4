package org.courriel.imap.transcript;

import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ACL and shared-folder transcripts (RFC 4314, RFC 2342, RFC 8440) on a real PostgreSQL, where the rights
 * several nodes check live: the same files {@link CommandTranscriptTest} plays on H2.
 */
class PostgresAclTranscriptTest extends ImapTestSupport {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"commands/acl.txt", "commands/acl-other-users.txt", "commands/acl-shared.txt",
        "commands/list-myrights.txt", "commands/catenate-shared.txt",
        "commands/notify-revoked.txt", "commands/notify-shared.txt"})
    void aclTranscriptHoldsOnPostgres(String file) throws Exception {
        transcript(file);
    }
}
