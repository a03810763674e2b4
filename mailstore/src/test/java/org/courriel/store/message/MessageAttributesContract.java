package org.courriel.store.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import courriel.test.StoreTestApplication;
import org.courriel.store.TestMessages;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.search.MessageSearch;
import org.courriel.store.search.SearchKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attributes IMAP's SAVEDATE (RFC 8514), PREVIEW (RFC 8970) and OBJECTID's EMAILID (RFC 8474) read, on every
 * database (one subclass each): a save date of the database's clock on every insert, a copy's and a move's new;
 * the save date and the content as search keys; the preview stored with the content, computed and kept on first
 * use for a content stored without one.
 */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class MessageAttributesContract {

    private static final Instant LONG_AGO = Instant.parse("2001-02-03T04:05:06Z");

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    MessageSearch search;
    @Autowired
    JdbcClient jdbc;

    MailboxInfo inbox;
    MailboxInfo trash;
    MailboxInfo archive;

    private static int counter;

    @BeforeEach
    void createAccount() {
        String domain = "attr" + (++counter) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        AccountInfo bob = accounts.create("bob@" + domain, "correct horse battery", "Bob", 0);
        inbox = mailboxes.get(bob.id(), "INBOX");
        trash = mailboxes.get(bob.id(), "Trash");
        archive = mailboxes.get(bob.id(), "Archive");
    }

    private Instant saveDate(MailboxInfo mailbox, long uid) {
        return messages.saveDates(mailbox.id(), UidSet.of(uid)).get(uid);
    }

    private void backdate(MailboxInfo mailbox, long uid) {
        jdbc.sql("UPDATE message SET save_date = ? WHERE mailbox_id = ? AND uid = ?")
                .params(LONG_AGO.atOffset(ZoneOffset.UTC), mailbox.id(), uid).update();
    }

    @Test
    void saveDateIsWhenTheMessageWasStoredNotItsInternalDate() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        long uid = messages.append(inbox.id(), TestMessages.simple("old"), Flags.NONE, LONG_AGO).uid();

        Instant saved = saveDate(inbox, uid);
        assertThat(saved).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(messages.saveDates(inbox.id(), UidSet.of(uid, 99))).containsOnlyKeys(uid);
    }

    @Test
    void copyAndMoveGiveTheNewMessageANewSaveDateAndLeaveTheSourceAlone() {
        long uid = messages.append(inbox.id(), TestMessages.simple("a"), Flags.NONE, LONG_AGO).uid();
        backdate(inbox, uid);

        long copied = messages.copy(inbox.id(), UidSet.of(uid), trash.id()).destinationUids().get(0);
        assertThat(saveDate(inbox, uid)).isEqualTo(LONG_AGO);
        assertThat(saveDate(trash, copied)).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));

        backdate(trash, copied);
        long moved = messages.move(trash.id(), UidSet.of(copied), archive.id()).destinationUids().get(0);
        assertThat(saveDate(archive, moved)).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    }

    @Test
    void saveDateKeysCompareDatesAloneAlsoBesideKeysThatNeedTheScan() {
        long old = messages.append(inbox.id(), TestMessages.simple("old one"), Flags.NONE, Instant.now()).uid();
        long fresh = messages.append(inbox.id(), TestMessages.simple("fresh one"), Flags.NONE, LONG_AGO).uid();
        backdate(inbox, old);
        LocalDate longAgo = LocalDate.ofInstant(LONG_AGO, ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(saveDate(inbox, fresh), ZoneOffset.UTC);

        assertThat(search.search(inbox.id(), SearchKey.savedOn(longAgo))).containsExactly(old);
        assertThat(search.search(inbox.id(), SearchKey.savedBefore(longAgo))).isEmpty();
        assertThat(search.search(inbox.id(), SearchKey.savedBefore(longAgo.plusDays(1)))).containsExactly(old);
        assertThat(search.search(inbox.id(), SearchKey.savedSince(longAgo))).containsExactly(old, fresh);
        assertThat(search.search(inbox.id(), SearchKey.savedSince(today))).containsExactly(fresh);
        // the internal dates say the opposite
        assertThat(search.search(inbox.id(), SearchKey.on(longAgo))).containsExactly(fresh);
        // beside a header key (the scan) and under NOT and OR
        assertThat(search.search(inbox.id(), SearchKey.and(SearchKey.subject("one"), SearchKey.savedSince(today))))
                .containsExactly(fresh);
        assertThat(search.search(inbox.id(), SearchKey.not(SearchKey.savedOn(longAgo)))).containsExactly(fresh);
        assertThat(search.search(inbox.id(), SearchKey.or(SearchKey.savedOn(longAgo), SearchKey.subject("fresh"))))
                .containsExactly(old, fresh);
    }

    @Test
    void contentKeyFindsEveryCopyOfTheSameBytes() {
        byte[] bytes = TestMessages.simple("same");
        AppendResult first = messages.append(inbox.id(), bytes, Flags.NONE, Instant.now());
        AppendResult again = messages.append(inbox.id(), bytes, Flags.of(SystemFlag.SEEN), LONG_AGO);
        long other = messages.append(inbox.id(), TestMessages.simple("other"), Flags.NONE, Instant.now()).uid();
        long copied = messages.copy(inbox.id(), UidSet.of(first.uid()), trash.id()).destinationUids().get(0);
        long contentId = messages.get(inbox.id(), first.uid()).orElseThrow().contentId();

        assertThat(messages.get(trash.id(), copied).orElseThrow().contentId()).isEqualTo(contentId);
        assertThat(search.search(inbox.id(), SearchKey.contentIs(contentId))).containsExactly(first.uid(), again.uid())
                .doesNotContain(other);
        assertThat(search.search(trash.id(), SearchKey.contentIs(contentId))).containsExactly(copied);
        assertThat(search.search(inbox.id(), SearchKey.and(SearchKey.contentIs(contentId), SearchKey.seen())))
                .containsExactly(again.uid());
    }

    @Test
    void previewIsStoredWithTheContent() {
        long uid = messages.append(inbox.id(), TestMessages.simple("preview"), Flags.NONE, Instant.now()).uid();

        assertThat(messages.previews(inbox.id(), UidSet.of(uid), true)).containsEntry(uid, "Hello preview");
        assertThat(messages.previews(inbox.id(), UidSet.of(uid), false)).containsEntry(uid, "Hello preview");
    }

    @Test
    void aContentStoredWithoutPreviewGetsOneOnFirstFullReadAndKeepsIt() {
        long uid = messages.append(inbox.id(), TestMessages.simple("upgrade"), Flags.NONE, Instant.now()).uid();
        long contentId = messages.get(inbox.id(), uid).orElseThrow().contentId();
        jdbc.sql("UPDATE content SET preview = NULL WHERE id = ?").param(contentId).update();

        // RFC 8970 §3.2: LAZY does not compute; the caller answers NIL
        assertThat(messages.previews(inbox.id(), UidSet.of(uid), true)).isEmpty();
        assertThat(messages.previews(inbox.id(), UidSet.of(uid), false)).containsEntry(uid, "Hello upgrade");
        assertThat(jdbc.sql("SELECT preview FROM content WHERE id = ?").param(contentId).query(String.class).single())
                .isEqualTo("Hello upgrade");
        assertThat(messages.previews(inbox.id(), UidSet.of(uid), true)).containsEntry(uid, "Hello upgrade");
    }

    @Test
    void saveDateColumnTakesTheDatabaseClockWhenAnInsertNamesItNot() {
        long uid = messages.append(inbox.id(), TestMessages.simple("clock"), Flags.NONE, LONG_AGO).uid();
        OffsetDateTime saved = jdbc.sql("SELECT save_date FROM message WHERE mailbox_id = ? AND uid = ?")
                .params(inbox.id(), uid).query(OffsetDateTime.class).single();
        assertThat(saved.toInstant()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    }
}
