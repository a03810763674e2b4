package org.courriel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.AliasService;
import org.courriel.store.account.DomainService;
import org.courriel.store.account.Recipient;
import org.courriel.store.account.RecipientResolver;
import org.courriel.store.content.ContentStore;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.mailbox.MailboxStatus;
import org.courriel.store.mailbox.OtherNodeClock;
import org.courriel.store.mailbox.RecentWatermark;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.CopyResult;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.FlagUpdate;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;
import org.courriel.store.testing.Corpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's behaviour, run against every database Courriel supports (one subclass each).
 */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class MailStoreContract {

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    AliasService aliases;
    @Autowired
    RecipientResolver recipients;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    RecentWatermark recent;
    @Autowired
    ContentStore contents;
    @Autowired
    MailboxEventBus events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txManager;

    AccountInfo bob;
    MailboxInfo inbox;
    String domain;

    private static int counter;

    @BeforeEach
    void createAccount() {
        domain = "d" + (++counter) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = accounts.create("bob@" + domain, "correct horse battery", "Bob", 0);
        inbox = mailboxes.get(bob.id(), "INBOX");
    }

    private List<MessageRecord> all(long mailboxId, MessageFields fields) {
        List<MessageRecord> list = new ArrayList<>();
        messages.scan(mailboxId, UidSet.ALL, fields, list::add);
        return list;
    }

    @Test
    void newAccountHasInboxAndSpecialUseMailboxes() {
        assertThat(mailboxes.list(bob.id())).extracting(MailboxInfo::name)
                .containsExactly("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash");
        assertThat(mailboxes.get(bob.id(), "Sent").specialUse()).hasToString("SENT");
        assertThat(mailboxes.get(bob.id(), "inbox").id()).isEqualTo(inbox.id());
    }

    @Test
    void appendedMessageReadsBackByteForByteWithSummary() {
        byte[] raw = TestMessages.simple("first");
        AppendResult r = messages.append(inbox.id(), raw, Flags.of(SystemFlag.SEEN), Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(r.uid()).isEqualTo(1);
        assertThat(r.uidValidity()).isEqualTo(inbox.uidValidity());

        MessageRecord m = messages.get(inbox.id(), 1).orElseThrow();
        assertThat(m.flags().has(SystemFlag.SEEN)).isTrue();
        assertThat(m.size()).isEqualTo(raw.length);
        assertThat(m.internalDate()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(m.summary().envelope().subject()).isEqualTo("first");
        assertThat(m.summary().envelope().from().get(0).address()).isEqualTo("alice@example.com");
        assertThat(new String(m.header())).endsWith("\r\n\r\n").doesNotContain("Hello");
        assertThat(messages.content(m.contentId())).isEqualTo(raw);
        assertThat(mailboxes.status(inbox.id())).isEqualTo(
                new MailboxStatus(1, 0, 0, raw.length, 2, inbox.uidValidity(), r.modseq()));
    }

    @Test
    void concurrentAppendsGetUniqueAscendingUids() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<Long> uids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    uids.add(messages.append(inbox.id(), TestMessages.simple("t" + thread + "m" + i), Flags.NONE,
                            Instant.now()).uid());
                }
                return uids;
            }));
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> f : futures) {
            List<Long> uids = f.get();
            assertThat(uids).isSorted();
            all.addAll(uids);
        }
        pool.shutdown();
        assertThat(all).hasSize(threads * perThread);
        assertThat(Collections.max(all)).isEqualTo(threads * perThread);
        assertThat(messages.uids(inbox.id())).hasSize(threads * perThread).isSorted();
    }

    @Test
    void theSameBytesAppendedTwiceShareOneContentUntilTheLastReferenceGoes() {
        long before = contents.count();
        byte[] message = TestMessages.simple("twice");
        messages.append(inbox.id(), message, Flags.NONE, Instant.now());
        messages.append(inbox.id(), message, Flags.NONE, Instant.now());
        assertThat(contents.count()).isEqualTo(before + 1);
        assertThat(messages.get(inbox.id(), 2).orElseThrow().contentId())
                .isEqualTo(messages.get(inbox.id(), 1).orElseThrow().contentId());

        assertThat(messages.remove(inbox.id(), UidSet.of(1))).containsExactly(1L);
        assertThat(contents.count()).isEqualTo(before + 1);
        assertThat(messages.remove(inbox.id(), UidSet.of(2))).containsExactly(2L);
        assertThat(contents.count()).isEqualTo(before);
        // gone with its last reference, the content is stored anew by the next append of the same bytes
        messages.append(inbox.id(), message, Flags.NONE, Instant.now());
        assertThat(contents.count()).isEqualTo(before + 1);
    }

    @Test
    void copySharesContentAndExpungeOfLastReferenceDeletesIt() {
        long before = contents.count();
        messages.append(inbox.id(), TestMessages.simple("shared"), Flags.of(SystemFlag.FLAGGED), Instant.now());
        MailboxInfo archive = mailboxes.get(bob.id(), "Archive");
        CopyResult copy = messages.copy(inbox.id(), UidSet.of(1), archive.id());
        assertThat(copy.sourceUids()).containsExactly(1L);
        assertThat(copy.destinationUids()).containsExactly(1L);
        assertThat(contents.count()).isEqualTo(before + 1);
        MessageRecord copied = messages.get(archive.id(), 1).orElseThrow();
        assertThat(copied.flags().has(SystemFlag.FLAGGED)).isTrue();
        assertThat(copied.contentId()).isEqualTo(messages.get(inbox.id(), 1).orElseThrow().contentId());

        messages.storeFlags(inbox.id(), UidSet.of(1), new FlagChange(FlagChange.Mode.ADD, Flags.of(SystemFlag.DELETED)), null);
        assertThat(messages.expunge(inbox.id(), null)).containsExactly(1L);
        assertThat(contents.count()).isEqualTo(before + 1);
        assertThat(messages.remove(archive.id(), UidSet.ALL)).containsExactly(1L);
        assertThat(contents.count()).isEqualTo(before);
    }

    @Test
    void deliveryToSeveralMailboxesStoresContentOnce() {
        long before = contents.count();
        AccountInfo carol = accounts.create("carol@" + domain, "another password", null, 0);
        MailboxInfo carolInbox = mailboxes.get(carol.id(), "INBOX");
        List<AppendResult> results = messages.deliver(TestMessages.simple("to both"),
                List.of(inbox.id(), carolInbox.id()), Instant.now());
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.uid()).isEqualTo(1));
        assertThat(contents.count()).isEqualTo(before + 1);
    }

    @Test
    void moveLeavesNothingInTheSource() {
        messages.append(inbox.id(), TestMessages.simple("a"), Flags.NONE, Instant.now());
        messages.append(inbox.id(), TestMessages.simple("b"), Flags.NONE, Instant.now());
        MailboxInfo trash = mailboxes.get(bob.id(), "Trash");
        CopyResult moved = messages.move(inbox.id(), UidSet.of(2), trash.id());
        assertThat(moved.destinationUids()).containsExactly(1L);
        assertThat(messages.uids(inbox.id())).containsExactly(1L);
        assertThat(messages.uids(trash.id())).containsExactly(1L);
        assertThat(messages.expungedSince(inbox.id(), 0)).containsExactly(2L);
    }

    @Test
    void storeFlagsBumpsModseqAndHonoursUnchangedSince() {
        AppendResult a = messages.append(inbox.id(), TestMessages.simple("a"), Flags.NONE, Instant.now());
        messages.append(inbox.id(), TestMessages.simple("b"), Flags.NONE, Instant.now());
        FlagUpdate seen = messages.storeFlags(inbox.id(), UidSet.range(1, 2),
                new FlagChange(FlagChange.Mode.ADD, Flags.fromNames(List.of("\\Seen", "$Important"))), null);
        assertThat(seen.changed()).hasSize(2);
        long modseq = seen.changed().get(0).modseq();
        assertThat(modseq).isGreaterThan(a.modseq());
        assertThat(seen.changed().get(0).flags().names()).containsExactly("\\Seen", "$Important");

        FlagUpdate again = messages.storeFlags(inbox.id(), UidSet.of(1),
                new FlagChange(FlagChange.Mode.ADD, Flags.of(SystemFlag.SEEN)), null);
        assertThat(again.changed()).isEmpty();
        assertThat(again.unchanged()).hasSize(1);

        FlagUpdate conditional = messages.storeFlags(inbox.id(), UidSet.of(1),
                new FlagChange(FlagChange.Mode.REMOVE, Flags.of(SystemFlag.SEEN)), modseq - 1);
        assertThat(conditional.modified()).containsExactly(1L);
        assertThat(mailboxes.status(inbox.id()).unseen()).isZero();

        List<MessageRecord> changed = new ArrayList<>();
        messages.changedSince(inbox.id(), a.modseq(), changed::add);
        assertThat(changed).extracting(MessageRecord::uid).containsExactly(1L, 2L);
    }

    @Test
    void addAndRemoveIsOneChangeGuardedAsOne() {
        AppendResult a = messages.append(inbox.id(), TestMessages.simple("a"), Flags.of(SystemFlag.SEEN), Instant.now());
        FlagUpdate both = messages.storeFlags(inbox.id(), UidSet.of(a.uid()),
                FlagChange.addAndRemove(Flags.fromNames(List.of("\\Flagged", "$Work")), Flags.of(SystemFlag.SEEN)),
                a.modseq());
        assertThat(both.changed()).singleElement().satisfies(m -> {
            assertThat(m.flags().names()).containsExactly("\\Flagged", "$Work");
            assertThat(m.modseq()).as("one new MODSEQ for both halves").isEqualTo(a.modseq() + 1);
        });
        assertThat(both.of(a.uid())).contains(both.changed().get(0));

        FlagUpdate stale = messages.storeFlags(inbox.id(), UidSet.of(a.uid()),
                FlagChange.addAndRemove(Flags.of(SystemFlag.SEEN), Flags.of(SystemFlag.FLAGGED)), a.modseq());
        assertThat(stale.modified()).as("UNCHANGEDSINCE guards the whole change").containsExactly(a.uid());
        assertThat(messages.get(inbox.id(), a.uid()).orElseThrow().flags().names()).containsExactly("\\Flagged", "$Work");
    }

    @Test
    void overQuotaAppendIsRefusedAndNothingIsStored() {
        AccountInfo small = accounts.create("small@" + domain, "password one", null, 1000);
        MailboxInfo box = mailboxes.get(small.id(), "INBOX");
        byte[] big = new byte[600];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] message = ("Subject: big\r\n\r\n" + new String(big)).getBytes();
        messages.append(box.id(), message, Flags.NONE, Instant.now());
        assertThatThrownBy(() -> messages.append(box.id(), message, Flags.NONE, Instant.now()))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.OVER_QUOTA));
        assertThat(messages.uids(box.id())).containsExactly(1L);
        assertThat(accounts.find(small.id()).orElseThrow().usedBytes()).isEqualTo(message.length);
    }

    @Test
    void appendAllStoresEveryMessageOrNone() {
        AccountInfo small = accounts.create("multi@" + domain, "password one", null, 1000);
        MailboxInfo box = mailboxes.get(small.id(), "INBOX");
        byte[] message = ("Subject: part\r\n\r\n" + "x".repeat(300)).getBytes();
        List<AppendResult> two = messages.appendAll(box.id(), List.of(
                new MessageService.NewMessage(message, Flags.of(SystemFlag.SEEN), Instant.parse("2026-01-02T03:04:05Z")),
                new MessageService.NewMessage(message, Flags.NONE, Instant.now())));
        assertThat(two).extracting(AppendResult::uid).containsExactly(1L, 2L);
        assertThat(messages.get(box.id(), 1).orElseThrow().flags().has(SystemFlag.SEEN)).isTrue();
        // RFC 3502 §3: the third and fourth messages would pass the quota together; neither is stored
        assertThatThrownBy(() -> messages.appendAll(box.id(), List.of(
                new MessageService.NewMessage(message, Flags.NONE, Instant.now()),
                new MessageService.NewMessage(message, Flags.NONE, Instant.now()))))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.OVER_QUOTA));
        assertThat(messages.uids(box.id())).containsExactly(1L, 2L);
        assertThat(accounts.find(small.id()).orElseThrow().usedBytes()).isEqualTo(2L * message.length);
    }

    @Test
    void renameFollowsRfcRules() {
        mailboxes.create(bob.id(), "Projects/2026/Q1", null);
        assertThat(mailboxes.find(bob.id(), "Projects")).isPresent();
        mailboxes.rename(bob.id(), "Projects", "Work/Projects");
        assertThat(mailboxes.list(bob.id())).extracting(MailboxInfo::name)
                .contains("Work", "Work/Projects", "Work/Projects/2026", "Work/Projects/2026/Q1")
                .doesNotContain("Projects", "Projects/2026");
        assertThatThrownBy(() -> mailboxes.rename(bob.id(), "Work", "Sent")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> mailboxes.rename(bob.id(), "Nope", "Other"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> mailboxes.delete(bob.id(), "Work"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_ALLOWED));
        assertThatThrownBy(() -> mailboxes.delete(bob.id(), "INBOX")).isInstanceOf(StoreException.class);
    }

    @Test
    void renamingInboxMovesItsMessagesAndLeavesItEmpty() {
        messages.append(inbox.id(), TestMessages.simple("old"), Flags.NONE, Instant.now());
        mailboxes.rename(bob.id(), "inbox", "Old Inbox");
        assertThat(messages.uids(inbox.id())).isEmpty();
        assertThat(messages.uids(mailboxes.get(bob.id(), "Old Inbox").id())).containsExactly(1L);
    }

    @Test
    void inboxMayBeRenamedBelowItself() {
        messages.append(inbox.id(), TestMessages.simple("kept"), Flags.NONE, Instant.now());
        mailboxes.rename(bob.id(), "INBOX", "INBOX/old"); // RFC 9051 §6.3.6: INBOX's inferiors are unaffected
        assertThat(messages.uids(mailboxes.get(bob.id(), "INBOX/old").id())).containsExactly(1L);
        assertThat(messages.uids(inbox.id())).isEmpty();
        assertThatThrownBy(() -> mailboxes.rename(bob.id(), "Archive", "Archive/inner")).isInstanceOf(StoreException.class);
    }

    @Test
    void concurrentSubscribesOfOneNameAreNoError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String name = "Together" + round;
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        mailboxes.subscribe(bob.id(), name);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(); // SUBSCRIBE twice is no error (RFC 9051 §6.3.7), also at the same instant
                }
                assertThat(mailboxes.subscriptions(bob.id())).containsOnlyOnce(name);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void subscriptionsAreNamesThatOutliveTheirMailboxes() {
        assertThat(mailboxes.subscriptions(bob.id()))
                .containsExactly("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash");
        mailboxes.create(bob.id(), "News", null);
        assertThat(mailboxes.subscriptions(bob.id())).doesNotContain("News"); // CREATE does not subscribe
        mailboxes.subscribe(bob.id(), "News");
        mailboxes.subscribe(bob.id(), "News");
        mailboxes.subscribe(bob.id(), "Nowhere/Deep"); // RFC 9051 §6.3.7: a name without a mailbox
        mailboxes.delete(bob.id(), "News"); // RFC 3501 §6.3.6: the server MUST NOT remove the subscription
        mailboxes.rename(bob.id(), "Sent", "Sent Items"); // RFC 9051 §6.3.6: subscriptions stay on the old name
        assertThat(mailboxes.subscriptions(bob.id())).contains("News", "Nowhere/Deep", "Sent")
                .doesNotContain("Sent Items");
        mailboxes.unsubscribe(bob.id(), "News");
        mailboxes.unsubscribe(bob.id(), "Never subscribed");
        assertThat(mailboxes.subscriptions(bob.id())).doesNotContain("News");
        assertThatThrownBy(() -> mailboxes.subscribe(bob.id(), "a//b")).isInstanceOf(StoreException.class);
        accounts.delete(bob.address());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mailbox_subscription WHERE account_id = ?").param(bob.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void recentIsClaimedByExactlyOneSelect() throws Exception {
        messages.append(inbox.id(), TestMessages.simple("one"), Flags.NONE, Instant.now());
        messages.append(inbox.id(), TestMessages.simple("two"), Flags.NONE, Instant.now());
        assertThat(recent.unclaimed(inbox.id())).isEqualTo(2);
        assertThat(recent.mark(inbox.id())).isZero(); // EXAMINE reads, claims nothing
        assertThat(recent.unclaimed(inbox.id())).isEqualTo(2);
        assertThat(recent.claimUpTo(inbox.id(), 2)).isZero();
        assertThat(recent.claimUpTo(inbox.id(), 2)).isEqualTo(2);
        assertThat(recent.unclaimed(inbox.id())).isZero();
        messages.append(inbox.id(), TestMessages.simple("three"), Flags.NONE, Instant.now());
        assertThat(recent.unclaimed(inbox.id())).isEqualTo(1);
        // RFC 3501 §2.3.2: of sessions selecting at once (on any node), exactly one gets message 3 as recent
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(pool.submit(() -> recent.claimUpTo(inbox.id(), 3)));
            }
            List<Long> previous = new ArrayList<>();
            for (Future<Long> f : claims) {
                previous.add(f.get());
            }
            assertThat(previous).containsOnly(2L, 3L).filteredOn(p -> p == 2L).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(recent.mark(inbox.id())).isEqualTo(3);
        assertThat(recent.claimUpTo(-1, 5)).isEqualTo(5); // a mailbox that is gone claims nothing
    }

    @Test
    void aClaimAtOrBelowWhatThisNodeSawClaimedAsksNothingOfTheDatabase() {
        messages.append(inbox.id(), TestMessages.simple("one"), Flags.NONE, Instant.now());
        assertThat(recent.claimUpTo(inbox.id(), 1)).isZero();
        // the row set back, as nothing ever does: a claim this node knows is taken does not read it
        jdbc.sql("UPDATE mailbox SET recent_uid = 0 WHERE id = ?").param(inbox.id()).update();
        assertThat(recent.claimUpTo(inbox.id(), 1)).isEqualTo(1);
        // above what it saw, the database decides
        messages.append(inbox.id(), TestMessages.simple("two"), Flags.NONE, Instant.now());
        assertThat(recent.claimUpTo(inbox.id(), 2)).isZero();
        assertThat(recent.mark(inbox.id())).isEqualTo(2);
    }

    @Test
    void recreatedMailboxGetsNewUidValidity() {
        MailboxInfo first = mailboxes.create(bob.id(), "Temp", null);
        mailboxes.delete(bob.id(), "Temp");
        MailboxInfo second = mailboxes.create(bob.id(), "Temp", null);
        assertThat(second.uidValidity()).isNotEqualTo(first.uidValidity());
    }

    @Test
    void uidValidityAscendsAcrossNodesWhoseClocksDisagree() {
        MailboxInfo first = mailboxes.create(bob.id(), "Temp", null);
        mailboxes.delete(bob.id(), "Temp");
        // RFC 9051 §2.3.1.1: another node, its clock an hour behind, must not give the name an old value again
        OtherNodeClock otherNode = new OtherNodeClock(jdbc, Duration.ofHours(1));
        long other = new TransactionTemplate(txManager).execute(s -> otherNode.next());
        MailboxInfo second = mailboxes.create(bob.id(), "Temp", null);
        assertThat(other).isGreaterThan(first.uidValidity());
        assertThat(second.uidValidity()).isGreaterThan(other);
    }

    @Test
    void deletingMailboxReleasesItsContent() {
        long before = contents.count();
        MailboxInfo temp = mailboxes.create(bob.id(), "Temp", null);
        messages.append(temp.id(), TestMessages.simple("gone"), Flags.NONE, Instant.now());
        mailboxes.delete(bob.id(), "Temp");
        assertThat(contents.count()).isEqualTo(before);
        assertThat(accounts.find(bob.id()).orElseThrow().usedBytes()).isZero();
    }

    @Test
    void everyCorpusMessageRoundTripsByteExactWithSummary() {
        for (String file : Corpus.FILES) {
            byte[] raw = Corpus.read(file);
            AppendResult r = messages.append(inbox.id(), raw, Flags.NONE, Instant.now());
            MessageRecord m = messages.get(inbox.id(), r.uid()).orElseThrow();
            assertThat(messages.content(m.contentId())).as(file).isEqualTo(raw);
            assertThat(m.summary()).as(file).isNotNull();
            assertThat(m.summary().body()).as(file).isNotNull();
            assertThat(m.size()).as(file).isEqualTo(raw.length);
        }
        assertThat(all(inbox.id(), MessageFields.SUMMARY_AND_HEADER)).hasSize(Corpus.FILES.size());
    }

    @Test
    void eventsArriveAfterCommit() {
        List<MailboxEvent> seen = new CopyOnWriteArrayList<>();
        FlagUpdate stored;
        try (var reg = events.subscribeMailbox(inbox.id(), seen::add)) {
            messages.append(inbox.id(), TestMessages.simple("evt"), Flags.NONE, Instant.now());
            stored = messages.storeFlags(inbox.id(), UidSet.of(1),
                    new FlagChange(FlagChange.Mode.ADD, Flags.of(SystemFlag.DELETED)), null);
            messages.expunge(inbox.id(), null);
        }
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).isInstanceOfSatisfying(MailboxEvent.MessagesAdded.class,
                e -> assertThat(e.uids()).containsExactly(1L));
        assertThat(seen.get(1)).as("the flags and MODSEQ after the change travel with it")
                .isInstanceOfSatisfying(MailboxEvent.FlagsChanged.class, e -> {
                    assertThat(e.uids()).containsExactly(1L);
                    assertThat(e.flags()).containsExactly(Flags.of(SystemFlag.DELETED).values());
                    assertThat(e.highestModseq()).isEqualTo(stored.changed().get(0).modseq());
                });
        assertThat(seen.get(2)).isInstanceOfSatisfying(MailboxEvent.MessagesExpunged.class,
                e -> assertThat(e.uids()).containsExactly(1L));
    }

    @Test
    void recipientsResolveToAccountsAliasesAndCatchAll() {
        accounts.create("carol@" + domain, "carol password", null, 0);
        aliases.add("team@" + domain, List.of("bob@" + domain, "carol@" + domain, "dave@elsewhere.example"));
        assertThat(recipients.resolve("BOB@" + domain.toUpperCase())).isInstanceOfSatisfying(Recipient.Local.class,
                r -> assertThat(r.accounts()).extracting(AccountInfo::address).containsExactly("bob@" + domain));
        assertThat(recipients.resolve("bob+lists@" + domain)).isInstanceOf(Recipient.Local.class);
        assertThat(recipients.resolve("team@" + domain)).isInstanceOfSatisfying(Recipient.Local.class, r -> {
            assertThat(r.accounts()).hasSize(2);
            assertThat(r.forwards()).containsExactly("dave@elsewhere.example");
        });
        assertThat(recipients.resolve("nobody@" + domain)).isInstanceOf(Recipient.Unknown.class);
        assertThat(recipients.resolve("someone@elsewhere.example")).isInstanceOf(Recipient.Remote.class);
        aliases.add("@" + domain, List.of("bob@" + domain));
        assertThat(recipients.resolve("nobody@" + domain)).isInstanceOf(Recipient.Local.class);
    }

    @Test
    void authenticationChecksPasswordAndEnabled() {
        assertThat(accounts.authenticate("bob@" + domain, "correct horse battery")).isPresent();
        assertThat(accounts.authenticate("bob@" + domain, "wrong")).isEmpty();
        assertThat(accounts.authenticate("nobody@" + domain, "correct horse battery")).isEmpty();
        accounts.setEnabled("bob@" + domain, false);
        assertThat(accounts.authenticate("bob@" + domain, "correct horse battery")).isEmpty();
    }

    @Test
    void duplicatesAndBadNamesAreRefused() {
        assertThatThrownBy(() -> domains.add(domain)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.ALREADY_EXISTS));
        assertThatThrownBy(() -> accounts.create("bob@" + domain, "some password", null, 0))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> accounts.create("x@unknown-" + domain, "some password", null, 0))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> accounts.create("not an address", "some password", null, 0))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID));
        assertThatThrownBy(() -> mailboxes.create(bob.id(), "a//b", null)).isInstanceOf(StoreException.class);
    }
}
