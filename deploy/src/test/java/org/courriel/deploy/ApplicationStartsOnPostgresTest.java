package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.CourrielApplication;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on PostgreSQL: Flyway migrates a new database and the store works on it. */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "courriel.data-dir=target/test-data/postgres"})
class ApplicationStartsOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;

    @Test
    void migratesValidatesAndServesTheStore() {
        domains.add("pg.example.org");
        var bob = accounts.create("bob@pg.example.org", "a long password", "Bob", 0);
        assertThat(mailboxes.list(bob.id())).hasSize(6);
    }
}
