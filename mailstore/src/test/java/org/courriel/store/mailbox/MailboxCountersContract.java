package org.courriel.store.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import courriel.test.StoreTestApplication;
import org.courriel.store.TestMessages;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.acl.Right;
import org.courriel.store.acl.Rights;
import org.courriel.store.content.MessageContent;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The STATUS counters kept on the mailbox row (migration V97), on every database (one subclass each): after every
 * kind of message write they equal a fresh COUNT and SUM of the message rows, also under concurrent deliveries;
 * the migration's backfill counts what is there; SELECT's first unseen message comes from its index.
 */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class MailboxCountersContract {

    private static final Flags SEEN = Flags.of(SystemFlag.SEEN);
    private static final Flags DELETED = Flags.of(SystemFlag.DELETED);

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    MailboxRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txManager;

    AccountInfo bob;
    MailboxInfo inbox;
    MailboxInfo archive;
    MailboxInfo trash;

    private static int counter;

    @BeforeEach
    void createAccount() {
        String domain = "count" + (++counter) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = accounts.create("bob@" + domain, "correct horse battery", "Bob", 0);
        inbox = mailboxes.get(bob.id(), "INBOX");
        archive = mailboxes.get(bob.id(), "Archive");
        trash = mailboxes.get(bob.id(), "Trash");
    }

    /** MESSAGES, UNSEEN, DELETED and SIZE as a scan of the message rows counts them. */
    private List<Long> counted(long mailboxId) {
        return jdbc.sql("""
                SELECT COUNT(*),
                       COALESCE(SUM(CASE WHEN MOD(system_flags, 2) = 0 THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN MOD(system_flags / 8, 2) = 1 THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(size), 0)
                FROM message WHERE mailbox_id = ?""").param(mailboxId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    private static List<Long> kept(MailboxStatus s) {
        return List.of(s.messages(), s.unseen(), s.deleted(), s.size());
    }

    /** Every mailbox of the account reports what a count of its rows says; returns INBOX's status. */
    private MailboxStatus countersAreTrue() {
        for (MailboxInfo m : mailboxes.list(bob.id())) {
            assertThat(kept(mailboxes.status(m.id()))).as("counters of %s", m.name()).isEqualTo(counted(m.id()));
        }
        return mailboxes.status(inbox.id());
    }

    private long append(MailboxInfo mailbox, String subject, Flags flags) {
        return messages.append(mailbox.id(), TestMessages.simple(subject), flags, Instant.now()).uid();
    }

    @Test
    void anEmptyMailboxCountsNothing() {
        assertThat(kept(mailboxes.status(inbox.id()))).containsExactly(0L, 0L, 0L, 0L);
        assertThat(messages.firstUnseen(inbox.id())).isZero();
    }

    @Test
    void appendsAndDeliveriesAreCounted() {
        byte[] raw = TestMessages.simple("one");
        messages.append(inbox.id(), raw, Flags.NONE, Instant.now());
        assertThat(kept(countersAreTrue())).containsExactly(1L, 1L, 0L, (long) raw.length);

        append(inbox, "seen", SEEN);
        append(inbox, "deleted", Flags.of(SystemFlag.DELETED, SystemFlag.SEEN));
        assertThat(countersAreTrue().messages()).isEqualTo(3);

        // MULTIAPPEND (RFC 3502), with the rights path that drops flags the user may not set (RFC 4314 §4)
        messages.appendAll(inbox.id(), List.of(
                new MessageService.NewMessage(TestMessages.simple("m1"), Flags.NONE, Instant.now()),
                new MessageService.NewMessage(TestMessages.simple("m2"), DELETED, Instant.now())));
        messages.append(archive.id(), Rights.of(Right.INSERT, Right.READ), TestMessages.simple("no seen right"), SEEN,
                Instant.now());
        assertThat(countersAreTrue().messages()).isEqualTo(5);
        assertThat(mailboxes.status(archive.id()).unseen()).isEqualTo(1);

        // one delivery into several mailboxes, and copies with flags of their own (Sieve addflag, $Junk)
        MessageContent content = MessageContent.of(TestMessages.simple("delivered"), 1000);
        messages.deliver(content, List.of(inbox.id(), trash.id()),
                List.of(new MessageService.Placement(archive.id(), Flags.of(SystemFlag.SEEN, SystemFlag.FLAGGED))),
                Instant.now(), tx -> {
                });
        messages.deliver(TestMessages.simple("plain"), List.of(inbox.id()), Instant.now());
        MailboxStatus status = countersAreTrue();
        assertThat(status.messages()).isEqualTo(7);
        assertThat(status.unseen()).isEqualTo(5);
        assertThat(status.deleted()).isEqualTo(2);
    }

    @Test
    void flagChangesMoveUnseenAndDeletedOnlyWhenAFlagReallyChanges() {
        long a = append(inbox, "a", Flags.NONE);
        long b = append(inbox, "b", Flags.NONE);
        long c = append(inbox, "c", SEEN);

        messages.storeFlags(inbox.id(), UidSet.of(a, c), new FlagChange(FlagChange.Mode.ADD, SEEN), null);
        assertThat(countersAreTrue().unseen()).isEqualTo(1);
        messages.storeFlags(inbox.id(), UidSet.ALL, new FlagChange(FlagChange.Mode.ADD, DELETED), null);
        assertThat(countersAreTrue().deleted()).isEqualTo(3);
        messages.storeFlags(inbox.id(), UidSet.of(b), new FlagChange(FlagChange.Mode.REPLACE, Flags.of(SystemFlag.FLAGGED)),
                null);
        assertThat(kept(countersAreTrue())).startsWith(3L, 1L, 2L);
        messages.storeFlags(inbox.id(), UidSet.ALL, new FlagChange(FlagChange.Mode.REMOVE, SEEN), null);
        assertThat(countersAreTrue().unseen()).isEqualTo(3);
        // CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3) leaves the modified ones and their counts alone
        messages.storeFlags(inbox.id(), UidSet.ALL, new FlagChange(FlagChange.Mode.ADD, SEEN), 0L);
        assertThat(countersAreTrue().unseen()).isEqualTo(3);
        // the rights path keeps \Seen from a user without "s" (RFC 4314 §4)
        messages.storeFlags(inbox.id(), Rights.of(Right.READ, Right.DELETE_MESSAGES), UidSet.ALL,
                new FlagChange(FlagChange.Mode.ADD, Flags.of(SystemFlag.SEEN, SystemFlag.DELETED)), null);
        assertThat(kept(countersAreTrue())).startsWith(3L, 3L, 3L);
        messages.storeFlags(inbox.id(), UidSet.of(a), new FlagChange(FlagChange.Mode.ADD, Flags.fromNames(List.of("$Work"))),
                null);
        assertThat(kept(countersAreTrue())).startsWith(3L, 3L, 3L);
    }

    @Test
    void copyAndMoveCountOnBothSides() {
        long a = append(inbox, "a", Flags.NONE);
        long b = append(inbox, "b", SEEN);
        long c = append(inbox, "c", DELETED);

        messages.copy(inbox.id(), UidSet.of(a, b, c), archive.id());
        assertThat(kept(mailboxes.status(archive.id()))).isEqualTo(kept(countersAreTrue()));
        // a copy into a mailbox where only "i" is granted keeps no flags (RFC 4314 §4)
        messages.copy(inbox.id(), UidSet.of(b, c), trash.id(), Rights.of(Right.INSERT));
        assertThat(kept(mailboxes.status(trash.id()))).startsWith(2L, 2L, 0L);

        messages.move(inbox.id(), UidSet.of(a, c), trash.id());
        assertThat(kept(countersAreTrue())).startsWith(1L, 0L, 0L);
        assertThat(mailboxes.status(trash.id()).messages()).isEqualTo(4);
        messages.move(trash.id(), Rights.ALL, UidSet.ALL, archive.id(), Rights.of(Right.INSERT, Right.WRITE));
        countersAreTrue();
        assertThat(mailboxes.status(trash.id()).messages()).isZero();
        assertThat(mailboxes.status(archive.id()).messages()).isEqualTo(7);
        // MOVE into the same mailbox: new UIDs, the old ones expunged (RFC 6851 §3.3)
        messages.move(archive.id(), UidSet.ALL, archive.id());
        assertThat(mailboxes.status(archive.id()).messages()).isEqualTo(7);
        countersAreTrue();
        // nothing to copy changes nothing
        messages.copy(inbox.id(), UidSet.of(999), archive.id());
        assertThat(mailboxes.status(archive.id()).messages()).isEqualTo(7);
    }

    @Test
    void everyExpungeAndRemovalIsCounted() {
        for (int i = 0; i < 6; i++) {
            append(inbox, "m" + i, i % 2 == 0 ? DELETED : Flags.NONE);
        }
        // UID EXPUNGE (RFC 4315 §2.1) of part of the \Deleted ones
        messages.expunge(inbox.id(), UidSet.of(1, 2));
        assertThat(kept(countersAreTrue())).startsWith(5L, 5L, 2L);
        // EXPUNGE and CLOSE
        messages.expunge(inbox.id(), null);
        assertThat(kept(countersAreTrue())).startsWith(3L, 3L, 0L);
        messages.expunge(inbox.id(), Rights.ALL, UidSet.ALL);
        assertThat(countersAreTrue().messages()).isEqualTo(3);
        // REST delete and POP3 DELE: removed whatever their flags
        messages.remove(inbox.id(), UidSet.of(2));
        messages.remove(inbox.id(), Rights.ALL, UidSet.of(4, 777));
        assertThat(kept(countersAreTrue())).containsExactly(1L, 1L, 0L, counted(inbox.id()).get(3));
        messages.remove(inbox.id(), UidSet.ALL);
        assertThat(kept(countersAreTrue())).containsExactly(0L, 0L, 0L, 0L);
    }

    @Test
    void renameKeepsTheCountersAndRenamingInboxMovesThem() {
        MailboxInfo work = mailboxes.create(bob.id(), "Work", null);
        MailboxInfo child = mailboxes.create(bob.id(), "Work/2026", null);
        append(work, "w", Flags.NONE);
        append(child, "c", SEEN);
        append(inbox, "i1", Flags.NONE);
        append(inbox, "i2", DELETED);

        mailboxes.rename(bob.id(), "Work", "Projects");
        assertThat(mailboxes.status(work.id()).messages()).isEqualTo(1);
        assertThat(mailboxes.status(child.id()).messages()).isEqualTo(1);
        // RFC 9051 §6.3.6: renaming INBOX moves its messages into a new mailbox and leaves INBOX empty
        mailboxes.rename(bob.id(), "INBOX", "Old");
        assertThat(kept(countersAreTrue())).containsExactly(0L, 0L, 0L, 0L);
        assertThat(kept(mailboxes.status(mailboxes.get(bob.id(), "Old").id()))).startsWith(2L, 2L, 1L);

        mailboxes.delete(bob.id(), "Projects/2026");
        countersAreTrue();
    }

    @Test
    void renameDoesNotWriteBackAHeadItLoadedBeforeADelivery() {
        MailboxInfo work = mailboxes.create(bob.id(), "Work", null);
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.executeWithoutResult(s -> {
            Mailbox loaded = repository.findById(work.id()).orElseThrow();
            // another session's delivery commits between the load and the rename's UPDATE
            try (ExecutorService other = Executors.newSingleThreadExecutor()) {
                other.submit(() -> append(work, "meanwhile", Flags.NONE)).get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            repository.rename(loaded, "Projects");
        });

        MailboxInfo renamed = mailboxes.get(bob.id(), "Projects");
        assertThat(renamed.uidNext()).isEqualTo(2);
        assertThat(mailboxes.status(work.id()).messages()).isEqualTo(1);
        assertThat(append(renamed, "next", Flags.NONE)).isEqualTo(2);
    }

    @Test
    void concurrentDeliveriesFromTwoThreadsAreAllCounted() throws Exception {
        int each = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String name = "t" + t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        messages.deliver(TestMessages.simple(name + "-" + i), List.of(inbox.id(), archive.id()),
                                Instant.now());
                    }
                }));
            }
            // a third writer reads and flags what is there meanwhile
            work.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    messages.storeFlags(inbox.id(), UidSet.ALL, new FlagChange(FlagChange.Mode.ADD, SEEN), null);
                    messages.copy(archive.id(), UidSet.of(i + 1), trash.id());
                }
            }));
            for (Future<?> f : work) {
                f.get();
            }
        }

        MailboxStatus status = countersAreTrue();
        assertThat(status.messages()).isEqualTo(2 * each);
        assertThat(mailboxes.status(archive.id()).unseen()).isEqualTo(2 * each);
    }

    @Test
    void theMigrationBackfillCountsTheRowsThatAreThere() throws IOException {
        append(inbox, "a", Flags.NONE);
        append(inbox, "b", Flags.of(SystemFlag.SEEN, SystemFlag.DELETED));
        append(archive, "c", DELETED);
        List<Long> before = kept(mailboxes.status(inbox.id()));
        jdbc.sql("UPDATE mailbox SET message_count = 99, unseen_count = 99, deleted_count = 99, total_size = 99"
                + " WHERE account_id = ?").param(bob.id()).update();

        jdbc.sql(backfill()).update();

        assertThat(kept(countersAreTrue())).isEqualTo(before);
        assertThat(kept(mailboxes.status(trash.id()))).containsExactly(0L, 0L, 0L, 0L);
    }

    /** The UPDATE of migration V97, as it ran at the upgrade. */
    private static String backfill() throws IOException {
        try (InputStream in = MailboxCountersContract.class
                .getResourceAsStream("/db/migration/V97__mailbox_counters.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("UPDATE mailbox SET (");
            return sql.substring(start, sql.indexOf(';', start));
        }
    }

    @Test
    void firstUnseenIsTheLowestUidWithoutSeen() {
        long a = append(inbox, "a", SEEN);
        long b = append(inbox, "b", Flags.of(SystemFlag.FLAGGED, SystemFlag.DELETED));
        long c = append(inbox, "c", Flags.NONE);
        assertThat(messages.firstUnseen(inbox.id())).isEqualTo(b);

        messages.storeFlags(inbox.id(), UidSet.of(b), new FlagChange(FlagChange.Mode.ADD, SEEN), null);
        assertThat(messages.firstUnseen(inbox.id())).isEqualTo(c);
        messages.storeFlags(inbox.id(), UidSet.of(a), new FlagChange(FlagChange.Mode.REPLACE, Flags.of(SystemFlag.DRAFT)),
                null);
        assertThat(messages.firstUnseen(inbox.id())).isEqualTo(a);
        messages.storeFlags(inbox.id(), UidSet.ALL, new FlagChange(FlagChange.Mode.ADD, SEEN), null);
        assertThat(messages.firstUnseen(inbox.id())).isZero();
        assertThat(messages.firstUnseen(archive.id())).isZero();
    }
}
