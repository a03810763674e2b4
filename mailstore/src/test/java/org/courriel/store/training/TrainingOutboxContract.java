package org.courriel.store.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.content.ContentStore;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.courriel.store.training.TrainingOutbox.Entry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a user's classification records, against every database Courriel supports (one subclass each): moves,
 * copies and appends into Junk, the RFC 5788 keywords, out of Junk, and two workers claiming side by side.
 */
@SpringBootTest(classes = StoreTestApplication.class, properties = "courriel.spam.rspamd.learn.enabled=true")
abstract class TrainingOutboxContract {

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
    @Autowired
    ContentStore contents;

    AccountInfo bob;
    MailboxInfo inbox;
    MailboxInfo junk;
    MailboxInfo trash;
    MailboxInfo archive;

    private static int serial;

    @BeforeEach
    void account() {
        String domain = "t" + (++serial) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = accounts.create("bob@" + domain, "correct horse battery", "Bob", 0);
        inbox = mailboxes.get(bob.id(), "INBOX");
        junk = mailboxes.get(bob.id(), "Junk");
        trash = mailboxes.get(bob.id(), "Trash");
        archive = mailboxes.get(bob.id(), "Archive");
    }

    private AppendResult append(MailboxInfo mailbox, Flags flags) {
        String text = "From: x@example.net\r\nSubject: offer " + System.nanoTime() + "\r\n\r\nCheap watches.\r\n";
        return messages.append(mailbox.id(), text.getBytes(StandardCharsets.US_ASCII), flags, Instant.now());
    }

    private List<Entry> entries() {
        return outbox.entries(bob.id());
    }

    private static Flags keyword(String keyword) {
        return Flags.fromNames(List.of(keyword));
    }

    @Test
    void aMoveIntoJunkRecordsOneSpamRowThatHoldsTheContent() {
        AppendResult m = append(inbox, Flags.NONE);
        assertThat(entries()).isEmpty();
        messages.move(inbox.id(), UidSet.of(m.uid()), junk.id());
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.verdict()).isEqualTo(TrainingVerdict.SPAM);
            assertThat(e.attempts()).isZero();
        });
        // the user empties Junk before the worker ran: the bytes are still there for it
        long contentId = entries().getFirst().contentId();
        messages.remove(junk.id(), UidSet.ALL);
        assertThat(contents.bytes(contentId)).isNotEmpty();
    }

    @Test
    void aCopyOrAnAppendIntoJunkRecordsSpamAndAPlainAppendNothing() {
        append(inbox, Flags.NONE);
        assertThat(entries()).isEmpty();
        AppendResult m = append(archive, Flags.NONE);
        messages.copy(archive.id(), UidSet.of(m.uid()), junk.id());
        append(junk, Flags.NONE);
        assertThat(entries()).extracting(Entry::verdict).containsExactly(TrainingVerdict.SPAM, TrainingVerdict.SPAM);
    }

    @Test
    void theJunkKeywordsTeachOncePerMessageAndTheLastWordCounts() {
        AppendResult m = append(inbox, Flags.NONE);
        messages.storeFlags(inbox.id(), UidSet.of(m.uid()), new FlagChange(FlagChange.Mode.ADD, keyword("$Junk")), null);
        assertThat(entries()).extracting(Entry::verdict).containsExactly(TrainingVerdict.SPAM);
        // set again (it has it already), then moved into Junk as Thunderbird does: still one row
        messages.storeFlags(inbox.id(), UidSet.of(m.uid()), new FlagChange(FlagChange.Mode.ADD, keyword("$junk")), null);
        messages.move(inbox.id(), UidSet.of(m.uid()), junk.id());
        assertThat(entries()).hasSize(1);
        // the user changes their mind before the worker ran: the row now teaches ham
        long uid = messages.uids(junk.id())[0];
        messages.storeFlags(junk.id(), UidSet.of(uid),
                FlagChange.addAndRemove(keyword("$NotJunk"), keyword("$Junk")), null);
        assertThat(entries()).extracting(Entry::verdict).containsExactly(TrainingVerdict.HAM);
        // removing a keyword teaches nothing
        messages.storeFlags(junk.id(), UidSet.of(uid), new FlagChange(FlagChange.Mode.REMOVE, keyword("$NotJunk")), null);
        assertThat(entries()).hasSize(1);
    }

    @Test
    void anAppendWithTheJunkKeywordIsSpam() {
        append(inbox, keyword("$Junk"));
        append(inbox, keyword("$NotJunk"));
        assertThat(entries()).extracting(Entry::verdict).containsExactly(TrainingVerdict.SPAM, TrainingVerdict.HAM);
    }

    @Test
    void outOfJunkIsHamButIntoTrashTeachesNothing() {
        AppendResult a = messages.deliver("Subject: a\r\n\r\na\r\n".getBytes(StandardCharsets.US_ASCII),
                List.of(junk.id()), Instant.now()).getFirst();
        AppendResult b = messages.deliver("Subject: b\r\n\r\nb\r\n".getBytes(StandardCharsets.US_ASCII),
                List.of(junk.id()), Instant.now()).getFirst();
        assertThat(entries()).as("a delivery is the filter's own verdict").isEmpty();
        messages.move(junk.id(), UidSet.of(a.uid()), trash.id());
        assertThat(entries()).isEmpty();
        messages.move(junk.id(), UidSet.of(b.uid()), inbox.id());
        assertThat(entries()).extracting(Entry::verdict).containsExactly(TrainingVerdict.HAM);
        // and from Trash into Junk is spam again
        messages.move(trash.id(), UidSet.ALL, junk.id());
        assertThat(entries()).extracting(Entry::verdict).containsExactly(TrainingVerdict.HAM, TrainingVerdict.SPAM);
    }

    @Test
    void aFinishedRowReleasesItsContentAndARetriedOneWaits() {
        AppendResult m = append(inbox, Flags.NONE);
        messages.move(inbox.id(), UidSet.of(m.uid()), junk.id());
        messages.remove(junk.id(), UidSet.ALL);
        List<TrainingTask> claimed = claimMine("node-a");
        long contentsBefore = contents.count();
        assertThat(claimed).singleElement().satisfies(t -> {
            assertThat(t.account()).isEqualTo(bob.address());
            assertThat(new String(outbox.message(t), StandardCharsets.US_ASCII)).contains("Cheap watches.");
        });
        outbox.retry(claimed.getFirst(), Instant.now().plus(Duration.ofHours(1)), "rspamd answered HTTP 500");
        assertThat(claimMine("node-a")).isEmpty();
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).contains("HTTP 500");
        });
        outbox.finish(claimed.getFirst()); // given back by the retry: no longer this claim's to finish
        assertThat(entries()).hasSize(1);
        assertThat(contents.count()).isEqualTo(contentsBefore);
    }

    @Test
    void aDeletedAccountsRowsReleaseTheirContent() {
        AppendResult m = append(inbox, Flags.NONE);
        messages.move(inbox.id(), UidSet.of(m.uid()), junk.id());
        messages.remove(junk.id(), UidSet.ALL); // the row holds the last reference now
        long contentsBefore = contents.count();
        accounts.delete(bob.address());
        assertThat(outbox.entries(bob.id())).isEmpty();
        assertThat(contents.count()).isEqualTo(contentsBefore - 1);
    }

    @Test
    void aLearnedRowIsDeletedWithItsLastReference() {
        AppendResult m = append(inbox, Flags.NONE);
        messages.move(inbox.id(), UidSet.of(m.uid()), junk.id());
        messages.remove(junk.id(), UidSet.ALL);
        List<TrainingTask> claimed = claimMine("node-a");
        long contentsBefore = contents.count();
        outbox.finish(claimed.getFirst());
        assertThat(entries()).isEmpty();
        assertThat(contents.count()).isEqualTo(contentsBefore - 1);
    }

    /**
     * Claims every due row and returns this account's; the rows other tests left behind in the shared database are
     * finished (deleted), so that they do not count in this test.
     */
    private List<TrainingTask> claimMine(String token) {
        List<TrainingTask> mine = new ArrayList<>();
        for (TrainingTask t : outbox.claim(token, 1000, Duration.ofMinutes(5))) {
            if (bob.address().equals(t.account())) {
                mine.add(t);
            } else {
                outbox.finish(t);
            }
        }
        return mine;
    }

    @Test
    void twoWorkersNeverClaimTheSameRow() throws Exception {
        for (int i = 0; i < 40; i++) {
            AppendResult m = append(inbox, Flags.NONE);
            messages.move(inbox.id(), UidSet.of(m.uid()), junk.id());
        }
        CyclicBarrier start = new CyclicBarrier(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                Callable<List<Long>> worker = () -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    List<TrainingTask> batch;
                    while (!(batch = outbox.claim(node + "/" + System.nanoTime(), 3, Duration.ofMinutes(5))).isEmpty()) {
                        batch.forEach(t -> ids.add(t.id()));
                    }
                    return ids;
                };
                results.add(pool.submit(worker));
            }
            List<Long> a = results.get(0).get();
            List<Long> b = results.get(1).get();
            Set<Long> overlap = new HashSet<>(a);
            overlap.retainAll(b);
            assertThat(overlap).isEmpty();
            assertThat(a.size() + b.size()).isGreaterThanOrEqualTo(40);
        }
    }
}
