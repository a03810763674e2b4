package org.courriel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two nodes on one PostgreSQL: a change committed on one reaches listeners on the other. */
class EventsCrossNodesTest {

    @Test
    void appendOnOneNodeIsHeardOnTheOther() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        String[] args = {"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres", "--spring.main.banner-mode=off"};
        try (ConfigurableApplicationContext a = new SpringApplicationBuilder(StoreTestApplication.class).run(args);
                ConfigurableApplicationContext b = new SpringApplicationBuilder(StoreTestApplication.class).run(args)) {
            a.getBean(DomainService.class).add("nodes.example.org");
            AccountInfo bob = a.getBean(AccountService.class).create("bob@nodes.example.org", "node password", null, 0);
            long inbox = a.getBean(MailboxService.class).get(bob.id(), "INBOX").id();

            LinkedBlockingQueue<MailboxEvent> heard = new LinkedBlockingQueue<>();
            b.getBean(MailboxEventBus.class).subscribeMailbox(inbox, heard::add);
            long uid = a.getBean(MessageService.class).append(inbox, TestMessages.simple("across"), Flags.NONE,
                    Instant.now()).uid();

            MailboxEvent event = heard.poll(20, TimeUnit.SECONDS);
            assertThat(event).isInstanceOfSatisfying(MailboxEvent.MessagesAdded.class,
                    e -> assertThat(e.uids()).isEqualTo(List.of(uid)));
            assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("delivered once").isNull();
        }
    }
}
