package org.courriel.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import courriel.test.StoreTestApplication;
import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;
import org.courriel.store.testing.Corpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Export and import against every database Courriel supports (one subclass each): the MIME corpus with flags
 * and keywords in several folders goes out and comes back into a fresh account byte for byte, a second
 * import adds nothing, a dry run changes nothing.
 */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class MailTransferContract {

    private static final List<String> FOLDERS = List.of("INBOX", "Archive", "Projects/2026/Q4", "v1.2 notes");

    @Autowired
    MailTransfer transfer;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;

    @TempDir
    Path dir;

    String domain;
    AccountInfo alice;

    private static int counter;

    @BeforeEach
    void accountWithTheCorpus() {
        domain = "t" + (++counter) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        alice = accounts.create("alice@" + domain, "alice password", null, 0);
        for (String folder : FOLDERS) {
            if (mailboxes.find(alice.id(), folder).isEmpty()) {
                mailboxes.create(alice.id(), folder, null);
            }
        }
        mailboxes.create(alice.id(), "Empty/Folder", null);
        int i = 0;
        for (String file : Corpus.FILES) {
            long mailbox = mailboxes.get(alice.id(), FOLDERS.get(i % FOLDERS.size())).id();
            messages.append(mailbox, Corpus.read(file), flags(i), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(86_461L * i));
            i++;
        }
    }

    /** A different mix for each message: every system flag and a few keywords turn up. */
    private static Flags flags(int i) {
        int system = 0;
        for (SystemFlag f : SystemFlag.values()) {
            system |= (i >> f.ordinal() & 1) != 0 ? f.bit() : 0;
        }
        List<String> keywords = new ArrayList<>();
        if (i % 3 == 0) {
            keywords.add("$Forwarded");
        }
        if (i % 4 == 1) {
            keywords.add("Work");
        }
        if (i % 5 == 2) {
            keywords.add("$Junk");
        }
        return new Flags(system, Set.copyOf(keywords));
    }

    @ParameterizedTest
    @EnumSource(TransferFormat.class)
    void aRoundTripKeepsEveryByteFlagFolderAndDate(TransferFormat format) {
        Path out = dir.resolve("export");
        TransferReport exported = transfer.export(alice.address(), out, format);
        assertThat(exported.messages()).isEqualTo(Corpus.FILES.size());

        AccountInfo bob = accounts.create("bob@" + domain, "bob password", null, 0);
        Path source = out;
        TransferReport dry = transfer.importInto(bob.address(), source, null, true);
        assertThat(dry.format()).isEqualTo(format.label());
        assertThat(dry.messages()).isEqualTo(Corpus.FILES.size());
        assertThat(mailboxes.find(bob.id(), "Projects/2026/Q4")).as("a dry run creates nothing").isEmpty();
        assertThat(messages.uids(mailboxes.inboxId(bob.id()))).as("a dry run imports nothing").isEmpty();

        TransferReport imported = transfer.importInto(bob.address(), source, format, false);
        assertThat(imported.messages()).isEqualTo(Corpus.FILES.size());
        assertThat(imported.alreadyThere()).isZero();
        assertSameMail(alice, bob);
        assertThat(mailboxes.subscriptions(bob.id())).as("imported folders show in clients")
                .contains("Projects/2026/Q4", "Empty/Folder");

        TransferReport again = transfer.importInto(bob.address(), source, format, false);
        assertThat(again.messages()).as("a second import adds nothing").isZero();
        assertThat(again.alreadyThere()).isEqualTo(Corpus.FILES.size());
        assertSameMail(alice, bob);
        assertThat(transfer.importInto(bob.address(), source, format, true).messages()).isZero();
    }

    private void assertSameMail(AccountInfo from, AccountInfo to) {
        assertThat(names(to)).isEqualTo(names(from));
        for (MailboxInfo mailbox : mailboxes.list(from.id())) {
            List<MessageRecord> expected = records(mailbox.id());
            List<MessageRecord> actual = records(mailboxes.get(to.id(), mailbox.name()).id());
            assertThat(actual).as(mailbox.name()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                MessageRecord e = expected.get(i);
                MessageRecord a = actual.get(i);
                assertThat(messages.content(a.contentId())).as(mailbox.name() + " #" + i)
                        .isEqualTo(messages.content(e.contentId()));
                assertThat(a.flags()).as(mailbox.name() + " #" + i).isEqualTo(e.flags());
                assertThat(a.internalDate()).as(mailbox.name() + " #" + i).isEqualTo(e.internalDate());
            }
        }
    }

    private List<String> names(AccountInfo account) {
        return mailboxes.list(account.id()).stream().map(MailboxInfo::name).toList();
    }

    private List<MessageRecord> records(long mailboxId) {
        List<MessageRecord> list = new ArrayList<>();
        messages.scan(mailboxId, UidSet.ALL, MessageFields.BASIC, list::add);
        return list;
    }

    @ParameterizedTest
    @EnumSource(TransferFormat.class)
    void anExportGoesIntoANewDirectoryOnly(TransferFormat format) throws Exception {
        Files.writeString(dir.resolve("other.txt"), "not ours");
        assertThatThrownBy(() -> transfer.export(alice.address(), dir, format)).isInstanceOf(StoreException.class)
                .hasMessage(dir + " is not empty; export into a new directory");
        assertThatThrownBy(() -> transfer.export("nobody@" + domain, dir.resolve("x"), format))
                .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> transfer.importInto(alice.address(), dir.resolve("missing"), format, false))
                .isInstanceOf(StoreException.class).hasMessage(dir.resolve("missing") + " does not exist");
    }
}
