package org.courriel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import courriel.test.AppendUntilKilled;
import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every append the store acknowledged survives kill -9 of the process on the embedded H2: the group
 * committer's durability sync must have reached the file before the caller was told.
 */
class AcceptedMessagesSurviveKillTest {

    private static final int ACKS_BEFORE_KILL = 300;

    @Test
    void acknowledgedAppendsSurviveSigkill() throws Exception {
        Path dir = Files.createTempDirectory("courriel-kill");
        String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), AppendUntilKilled.class.getName(), url)
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<Long, String> acknowledged = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).hasSize(ACKS_BEFORE_KILL);

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoreTestApplication.class)
                .run("--spring.datasource.url=" + url, "--spring.main.banner-mode=off")) {
            long accountId = context.getBean(AccountService.class).find("k@kill.example.org").orElseThrow().id();
            long inbox = context.getBean(MailboxService.class).get(accountId, "INBOX").id();
            MessageService messages = context.getBean(MessageService.class);
            for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
                MessageRecord m = messages.get(inbox, ack.getKey()).orElse(null);
                assertThat(m).as("acknowledged uid %d", ack.getKey()).isNotNull();
                assertThat(AppendUntilKilled.sha256(messages.content(m.contentId()))).isEqualTo(ack.getValue());
            }
        }
    }
}
