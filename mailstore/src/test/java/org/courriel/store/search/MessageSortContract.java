package org.courriel.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.content.SortFieldStore;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.MessageQuery.Sort;
import org.courriel.store.sort.ThreadAlgorithm;
import org.courriel.store.sort.ThreadNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SORT over a real store (RFC 5256 §3, RFC 5957 §4), one subclass per database: every key, REVERSE on one
 * criterion only, ties by sequence number, collation by octets of the i;unicode-casemap form, and the sort keys of
 * contents stored before there were any (filled on first sort).
 */
@SpringBootTest(classes = StoreTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessageSortContract {

    /** A reply with a list tag; no display name on To; a reply to S3 by its References. */
    static final String S1 = """
            From: Zed <alice@example.com>\r
            Message-ID: <s1@example.com>\r
            References: <"s3"@example.com>\r
            To: bob@example.org\r
            Cc: carol@example.net\r
            Subject: Re: [list] Banana\r
            Date: Mon, 5 Jan 2026 09:00:00 +0000\r
            \r
            one\r
            """;

    /** Encoded display name that starts with É; sent on 3 Jan at 18:00 UTC. */
    static final String S2 = """
            From: =?UTF-8?Q?=C3=89mile?= <emile@example.com>\r
            To: Anna <zoe@example.com>\r
            Subject: apple\r
            Date: Sat, 3 Jan 2026 10:00:00 -0800\r
            \r
            two\r
            """;

    /** A forward without a Date (its arrival is its sent date), no To. */
    static final String S3 = """
            From: bob@example.com\r
            Message-ID: <s3@example.com>\r
            Cc: dave@example.net\r
            Subject: Fwd: banana\r
            \r
            three\r
            """;

    /** No From, the largest. */
    static final String S4 = """
            To: anna@example.com\r
            Subject: =?ISO-8859-1?Q?Cherry?=\r
            Date: Sat, 3 Jan 2026 12:00:00 +0000\r
            \r
            """ + "four ".repeat(100) + "\r\n";

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    MessageListing listing;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    SortFieldStore sortFields;

    MailboxInfo inbox;
    AccountInfo bob;
    private final String unique = "X-Run: " + System.nanoTime() + "\r\n";

    private static int counter;

    @BeforeAll
    void fillMailbox() {
        String domain = "sort" + (++counter) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = accounts.create("bob@" + domain, "correct horse battery", "Bob", 0);
        inbox = mailboxes.get(bob.id(), "INBOX");
        append(S1, "2026-02-01T00:00:00Z");
        append(S2, "2026-02-03T00:00:00Z");
        append(S3, "2026-01-06T00:00:00Z");
        append(S4, "2026-02-02T00:00:00Z");
    }

    private void append(String message, String internalDate) {
        // a header of its own per run, so that no other test's content (and its sort keys) is shared
        byte[] bytes = (unique + message).getBytes(StandardCharsets.UTF_8);
        messages.append(inbox.id(), bytes, Flags.NONE, Instant.parse(internalDate));
    }

    private List<Long> sort(Object... keys) {
        List<SortCriterion> criteria = new ArrayList<>();
        boolean reverse = false;
        for (Object key : keys) {
            if ("REVERSE".equals(key)) {
                reverse = true;
            } else {
                criteria.add(new SortCriterion((Sort) key, reverse));
                reverse = false;
            }
        }
        return listing.sort(inbox.id(), criteria, Set.of(1L, 2L, 3L, 4L));
    }

    @Test
    void subjectIsTheBaseSubjectWithTiesBySequence() {
        assertThat(sort(Sort.SUBJECT)).containsExactly(2L, 1L, 3L, 4L);
    }

    @Test
    void reverseTurnsOnlyItsCriterion() {
        // RFC 5256 §3: the implicit sequence number criterion stays ascending
        assertThat(sort("REVERSE", Sort.SUBJECT)).containsExactly(4L, 1L, 3L, 2L);
        assertThat(sort(Sort.SUBJECT, "REVERSE", Sort.DATE)).containsExactly(2L, 3L, 1L, 4L);
    }

    @Test
    void dateIsTheSentDateInUtcOrTheArrival() {
        // RFC 5256 §2.2: 10:00 -0800 is 18:00 UTC, after 12:00 +0000 the same day; S3 has no Date
        assertThat(sort(Sort.DATE)).containsExactly(4L, 2L, 1L, 3L);
        assertThat(sort("REVERSE", Sort.DATE)).containsExactly(3L, 1L, 2L, 4L);
    }

    @Test
    void arrivalIsTheInternalDate() {
        assertThat(sort(Sort.ARRIVAL)).containsExactly(3L, 1L, 4L, 2L);
    }

    @Test
    void addressKeysAreTheFirstAddressesLocalPart() {
        assertThat(sort(Sort.FROM)).containsExactly(4L, 1L, 3L, 2L);
        assertThat(sort(Sort.TO)).containsExactly(3L, 4L, 1L, 2L);
        assertThat(sort(Sort.CC)).containsExactly(2L, 4L, 1L, 3L);
    }

    @Test
    void displayKeysAreTheNameOrElseTheAddress() {
        // RFC 5957 §3: "", "bob@example.com", "Émile" (E + U+0301 collated), "Zed"
        assertThat(sort(Sort.DISPLAYFROM)).containsExactly(4L, 3L, 2L, 1L);
        // "", "Anna", "anna@example.com", "bob@example.org"
        assertThat(sort(Sort.DISPLAYTO)).containsExactly(3L, 2L, 4L, 1L);
    }

    @Test
    void sizeOrdersBySize() {
        List<Long> sizes = new ArrayList<>();
        for (long uid : sort(Sort.SIZE)) {
            messages.scan(inbox.id(), UidSet.of(uid), MessageFields.BASIC, r -> sizes.add(r.size()));
        }
        assertThat(sizes).isSorted().hasSize(4);
        assertThat(sort("REVERSE", Sort.SIZE).get(0)).isEqualTo(4L);
    }

    @Test
    void onlyTheGivenMessagesAreSorted() {
        assertThat(listing.sort(inbox.id(), List.of(new SortCriterion(Sort.SUBJECT, false)), List.of(4L, 1L, 9L)))
                .containsExactly(1L, 4L);
        assertThat(listing.sort(inbox.id(), List.of(new SortCriterion(Sort.SUBJECT, false)), List.of())).isEmpty();
    }

    @Test
    void contentsWithoutSortKeysGetThemOnFirstSort() {
        List<Long> before = sort(Sort.DISPLAYFROM, Sort.SUBJECT);
        List<Long> contents = jdbc.sql("SELECT content_id FROM message WHERE mailbox_id = ?").param(inbox.id())
                .query(Long.class).list();
        for (long id : contents) {
            jdbc.sql("DELETE FROM content_sort WHERE content_id = ?").param(id).update();
        }
        assertThat(sort(Sort.DISPLAYFROM, Sort.SUBJECT)).isEqualTo(before);
        long filled = jdbc.sql("SELECT COUNT(*) FROM content_sort s JOIN message m ON m.content_id = s.content_id"
                + " WHERE m.mailbox_id = ?").param(inbox.id()).query(Long.class).single();
        assertThat(filled).isEqualTo(4);
    }

    @Test
    void threadsFromTheStoredKeys() {
        // S1 replies to S3 by References (quoted in the header, normalised); S2 and S4 stand alone
        Set<Long> all = Set.of(1L, 2L, 3L, 4L);
        assertThat(listing.thread(inbox.id(), ThreadAlgorithm.REFERENCES, all))
                .containsExactly(ThreadNode.of(4), ThreadNode.of(2), ThreadNode.of(3, ThreadNode.of(1)));
        // ORDEREDSUBJECT: "banana" (S1 and S3, S1 first by date), "apple", "Cherry", by first date
        assertThat(listing.thread(inbox.id(), ThreadAlgorithm.ORDEREDSUBJECT, all))
                .containsExactly(ThreadNode.of(4), ThreadNode.of(2), ThreadNode.of(1, ThreadNode.of(3)));
        assertThat(listing.thread(inbox.id(), ThreadAlgorithm.REFERENCES, Set.of(1L))).containsExactly(ThreadNode.of(1));
        assertThat(listing.thread(inbox.id(), ThreadAlgorithm.REFERENCES, Set.of())).isEmpty();
    }

    @Test
    void aLargeOldMailboxIsFilledInChunks() {
        MailboxInfo archive = mailboxes.get(bob.id(), "Archive");
        int count = 2 * 200 + 5;
        for (int i = 0; i < count; i++) {
            // subjects in the reverse of arrival order: "Re: m0404" ... "Re: m0000"
            String message = unique + "Subject: Re: m" + String.format("%04d", count - 1 - i) + "\r\n\r\nbody\r\n";
            messages.append(archive.id(), message.getBytes(StandardCharsets.UTF_8), Flags.NONE,
                    Instant.parse("2026-03-01T00:00:00Z"));
        }
        jdbc.sql("DELETE FROM content_sort WHERE content_id IN (SELECT content_id FROM message WHERE mailbox_id = ?)")
                .param(archive.id()).update();
        assertThat(sortFields.fillMissing(archive.id())).isEqualTo(count);
        assertThat(sortFields.fillMissing(archive.id())).isZero();
        List<Long> all = new ArrayList<>();
        for (long uid = 1; uid <= count; uid++) {
            all.add(uid);
        }
        List<Long> sorted = listing.sort(archive.id(), List.of(new SortCriterion(Sort.SUBJECT, false)), all);
        assertThat(sorted).hasSize(count);
        assertThat(sorted.get(0)).isEqualTo((long) count);
        assertThat(sorted.get(count - 1)).isEqualTo(1L);
    }

    @Test
    void theRestListingSortsByTheSameKeys() {
        MessageListPage page = listing.list(new MessageQuery(inbox.id(), MessageFilter.NONE, Sort.SUBJECT, false, 0, 10));
        assertThat(page.messages().stream().map(r -> r.uid()).toList()).containsExactly(2L, 1L, 3L, 4L);
        MessageListPage byFrom = listing.list(new MessageQuery(inbox.id(), MessageFilter.NONE, Sort.DISPLAYFROM, true, 0, 2));
        assertThat(byFrom.messages().stream().map(r -> r.uid()).toList()).containsExactly(1L, 2L);
        assertThat(byFrom.total()).isEqualTo(4);
        assertThat(Arrays.stream(Sort.values()).map(Enum::name)).contains("DISPLAYTO", "CC");
    }
}
