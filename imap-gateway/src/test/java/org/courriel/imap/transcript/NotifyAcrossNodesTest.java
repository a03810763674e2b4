package org.courriel.imap.transcript;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.courriel.imap.ImapTestApplication;
import org.courriel.imap.server.ImapServer;
import org.courriel.imap.testing.Transcript;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.metadata.MetadataEntry;
import org.courriel.store.metadata.MetadataLimits;
import org.courriel.store.metadata.MetadataService;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two gateways on one PostgreSQL: NOTIFY on node B reports what node A commits (RFC 5465 over the event bus). */
class NotifyAcrossNodesTest {

    private static final String PASSWORD = "correct horse battery";

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private AccountInfo bob;

    @BeforeEach
    void startTwoNodes() {
        String url = EmbeddedPostgres.newDatabase();
        a = node(url);
        b = node(url);
        a.getBean(DomainService.class).add("nodes.example.org");
        bob = a.getBean(AccountService.class).create("bob@nodes.example.org", PASSWORD, "Bob", 0);
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
        return new SpringApplicationBuilder(ImapTestApplication.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.main.banner-mode=off");
    }

    @Test
    void aSessionOnOneNodeHearsWhatAnotherNodeCommits() throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("user", bob.address());
        vars.put("password", PASSWORD);
        new Transcript(b.getBean(ImapServer.class).port(), vars, this::onNodeA)
                .run(Transcript.resource("rules/notify-two-nodes.txt"));
    }

    private void onNodeA(String command, String argument, Map<String, String> variables) {
        MailboxService mailboxes = a.getBean(MailboxService.class);
        String[] parts = argument.split(" ", 2);
        switch (command) {
            case "appendOnA" -> a.getBean(MessageService.class).append(mailboxes.get(bob.id(), parts[0]).id(),
                    ("Subject: " + parts[1] + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII), Flags.NONE,
                    Instant.now());
            case "createOnA" -> mailboxes.create(bob.id(), argument, null);
            case "annotateOnA" -> a.getBean(MetadataService.class).set(bob.id(), argument,
                    List.of(new MetadataEntry("/shared/comment", "from A".getBytes(StandardCharsets.US_ASCII))),
                    new MetadataLimits(1024, 10, 4096));
            default -> throw new IllegalArgumentException("unknown hook " + command);
        }
    }
}
