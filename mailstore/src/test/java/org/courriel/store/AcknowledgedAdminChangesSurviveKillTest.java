package org.courriel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import courriel.test.AdminChangesThenWait;
import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.AliasService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Administrative changes (domain, account, alias, password, mailbox) that the store acknowledged survive
 * kill -9 on the embedded H2, as messages do: H2 writes a commit to its file only after its write delay,
 * so each such change must be synced before its call returns.
 */
class AcknowledgedAdminChangesSurviveKillTest {

    @Test
    void acknowledgedDirectoryAndMailboxChangesSurviveSigkill() throws Exception {
        Path dir = Files.createTempDirectory("courriel-admin-kill");
        String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), AdminChangesThenWait.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ACK")) {
                // the child's other output, if any
            }
            assertThat(line).as("the child acknowledged its changes").isEqualTo("ACK");
            child.destroyForcibly(); // SIGKILL right after the acknowledgement: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoreTestApplication.class)
                .run("--spring.datasource.url=" + url, "--spring.main.banner-mode=off")) {
            assertThat(context.getBean(DomainService.class).list()).contains("admin.example.org");
            AccountService accounts = context.getBean(AccountService.class);
            AccountInfo ann = accounts.authenticate("ann@admin.example.org", "second password").orElse(null);
            assertThat(ann).as("the account, with its changed password").isNotNull();
            assertThat(context.getBean(AliasService.class).targets("postmaster@admin.example.org"))
                    .containsExactly("ann@admin.example.org");
            assertThat(context.getBean(MailboxService.class).find(ann.id(), "Projects")).isPresent();
        }
    }
}
