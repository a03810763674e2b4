package org.courriel.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import courriel.test.StoreTestApplication;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one PostgreSQL, each with its own credential cache: a password changed (or an account disabled)
 * on one node refuses the old password on the other at once, though the other had it cached.
 */
class PasswordChangeCrossNodesTest {

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeEach
    void startTwoNodes() {
        String url = EmbeddedPostgres.newDatabase();
        a = node(url);
        b = node(url);
        a.getBean(DomainService.class).add("nodes.example.org");
        a.getBean(AccountService.class).create("bob@nodes.example.org", "old password", null, 0);
    }

    @AfterEach
    void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static ConfigurableApplicationContext node(String url) {
        return new SpringApplicationBuilder(StoreTestApplication.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--courriel.auth.credentials.cache-ttl=1h", "--spring.main.banner-mode=off");
    }

    @Test
    void aPasswordChangedOnOneNodeRefusesTheOldPasswordOnTheOtherAtOnce() {
        AccountService onB = b.getBean(AccountService.class);
        assertThat(onB.authenticate("bob@nodes.example.org", "old password")).isPresent();
        assertThat(onB.authenticate("Bob@Nodes.Example.org", "old password")).as("cached, any spelling").isPresent();

        a.getBean(AccountService.class).setPassword("bob@nodes.example.org", "new password");

        assertThat(onB.authenticate("bob@nodes.example.org", "old password")).isEmpty();
        assertThat(onB.authenticate("bob@nodes.example.org", "new password")).isPresent();
    }

    @Test
    void anAccountDisabledOnOneNodeIsRefusedOnTheOtherAtOnce() {
        AccountService onB = b.getBean(AccountService.class);
        assertThat(onB.authenticate("bob@nodes.example.org", "old password")).isPresent();

        a.getBean(AccountService.class).setEnabled("bob@nodes.example.org", false);

        assertThat(onB.authenticate("bob@nodes.example.org", "old password")).isEmpty();
    }

    @Test
    void aFailedLoginIsNotRemembered() {
        AccountService onB = b.getBean(AccountService.class);
        assertThat(onB.authenticate("bob@nodes.example.org", "wrong password")).isEmpty();
        assertThat(onB.authenticate("bob@nodes.example.org", "wrong password")).isEmpty();
        assertThat(onB.authenticate("bob@nodes.example.org", "old password")).isPresent();
    }

    @Test
    void aPasswordSetStoresScramKeysOfIt() {
        AccountService onB = b.getBean(AccountService.class);
        ScramKeys keys = onB.scramKeys("bob@nodes.example.org").orElseThrow();
        assertThat(keys.iterations()).isEqualTo(4096);
        assertThat(ScramKeys.derive("old password", keys.salt(), keys.iterations())).isEqualTo(keys);

        a.getBean(AccountService.class).setPassword("bob@nodes.example.org", "new password");

        ScramKeys changed = onB.scramKeys("bob@nodes.example.org").orElseThrow();
        assertThat(ScramKeys.derive("new password", changed.salt(), changed.iterations())).isEqualTo(changed);
    }
}
