package org.courriel.store.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Without rspamd (the embedded default) nothing is recorded: moves into Junk and $Junk leave no row. */
@SpringBootTest(classes = StoreTestApplication.class)
class TrainingOffTest {

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    TrainingOutbox outbox;

    @Test
    void learningIsOffUnlessRspamdIsConfigured() {
        assertThat(outbox.enabled()).isFalse();
        domains.add("off.example.org");
        AccountInfo bob = accounts.create("bob@off.example.org", "correct horse battery", "Bob", 0);
        long inbox = mailboxes.inboxId(bob.id());
        long junk = mailboxes.get(bob.id(), "Junk").id();
        AppendResult m = messages.append(inbox, "Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII),
                Flags.NONE, Instant.now());
        messages.storeFlags(inbox, UidSet.of(m.uid()), new FlagChange(FlagChange.Mode.ADD,
                Flags.fromNames(List.of("$Junk"))), null);
        messages.move(inbox, UidSet.of(m.uid()), junk);
        messages.append(junk, "Subject: y\r\n\r\ny\r\n".getBytes(StandardCharsets.US_ASCII), Flags.NONE, Instant.now());
        assertThat(outbox.entries(bob.id())).isEmpty();
        assertThat(outbox.pending()).isZero();
    }
}
