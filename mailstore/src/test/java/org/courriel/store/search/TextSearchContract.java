package org.courriel.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.content.ContentStore;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.text.IndexedText;
import org.courriel.store.search.text.TextIndex;
import org.courriel.store.search.text.TextIndexer;
import org.courriel.store.search.text.TextSearch;
import org.courriel.store.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * BODY and TEXT through the full-text index find exactly what a scan of the mailbox finds, over the MIME corpus
 * and needles cut from its own text (every length, case, script, at part and field boundaries): while the
 * messages wait for the indexer, once they are indexed, and for a message whose text was cut. One subclass per
 * database: Lucene beside H2, pg_trgm on PostgreSQL. The test context's indexer waits an hour between looks
 * ({@code store-test.properties}), so that each test chooses when indexing happens.
 */
@SpringBootTest(classes = StoreTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TextSearchContract {

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
    TextIndexer indexer;
    @Autowired
    TextIndex index;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentStore contents;
    @Autowired
    PlatformTransactionManager transactions;

    MailboxInfo inbox;
    /** The same search with the index off: what a scan finds. */
    MessageSearch scan;
    final List<String> needles = new ArrayList<>();

    @BeforeAll
    void fill() {
        String domain = "text-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        AccountInfo owner = accounts.create("owner@" + domain, "correct horse battery", "Owner", 0);
        inbox = mailboxes.get(owner.id(), "INBOX");
        Set<String> picked = new LinkedHashSet<>(List.of("the", "THE", "%_\\", "e-mail", "mime-version: 1.0",
                "content-type", "\u65e5\u672c", "\u3053\u3093\u306b\u3061\u306f", "nowhere-at-all", "  ", ". ",
                "100%", "a_b"));
        Random random = new Random(16);
        for (String file : Corpus.FILES) {
            byte[] bytes = Corpus.read(file);
            messages.append(inbox.id(), bytes, Flags.NONE, Instant.parse("2026-12-01T00:00:00Z"));
            IndexedText text = IndexedText.of(bytes, Integer.MAX_VALUE);
            for (String half : List.of(text.header(), text.body())) {
                for (int length : new int[] {3, 12}) {
                    if (half.length() >= length) {
                        int at = random.nextInt(half.length() - length + 1);
                        picked.add(half.substring(at, at + length));
                    }
                }
            }
        }
        for (String n : picked) {
            if (n.indexOf(IndexedText.SEPARATOR) < 0 && IndexedText.needle(n) != null) {
                needles.add(needles.size() % 4 == 0 ? n.toUpperCase(Locale.ROOT) : n);
            }
        }
        scan = new MessageSearch(messages, jdbc, new TextSearch(null, jdbc, contents::bytes));
    }

    @Test
    @Order(1)
    void theIndexFindsWhatTheScanFindsBeforeAndAfterIndexing() {
        assertThat(needles).hasSizeGreaterThan(100);
        List<String> expected = scanAnswers(needles);
        // A few needles while the messages are queued (each such search reads and parses them all), all after.
        List<String> queued = needles.subList(0, 8);
        assertThat(answers(queued)).as("while queued").containsExactlyElementsOf(expected.subList(0, 8));
        drain();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM text_index_pending").query(Long.class).single()).isZero();
        assertThat(answers(needles)).as("once indexed").containsExactlyElementsOf(expected);
        assertThat(expected.stream().filter(a -> !a.endsWith("BODY [] TEXT []")).count())
                .as("needles that find something").isGreaterThan(needles.size() / 2);
    }

    @Test
    void whatTheIndexHoldsOfAQueuedContentIsNotTrusted() {
        long uid = messages.append(inbox.id(), "Subject: plain\r\n\r\nnothing special\r\n"
                .getBytes(StandardCharsets.UTF_8), Flags.NONE, Instant.parse("2026-12-01T00:00:00Z")).uid();
        drain();
        long contentId = jdbc.sql("SELECT content_id FROM message WHERE mailbox_id = ? AND uid = ?")
                .params(inbox.id(), uid).query(Long.class).single();
        // an older text under the same id (a database file recovered to before a commit the index saw), queued again
        index.add(List.of(new TextIndex.Entry(contentId, new IndexedText("subject: phantom", "phantom needle", "", true))));
        index.commit();
        jdbc.sql("INSERT INTO text_index_pending (content_id) VALUES (?)").param(contentId).update();
        assertThat(search.search(inbox.id(), SearchKey.body("phantom needle"))).doesNotContain(uid);
        assertThat(search.search(inbox.id(), SearchKey.body("nothing special"))).contains(uid);
        drain();
        assertThat(search.search(inbox.id(), SearchKey.body("phantom needle"))).doesNotContain(uid);
    }

    @Test
    void aMatchOfManyRangesIsAnsweredAgainAndAgain() {
        MailboxInfo other = mailboxes.create(inbox.accountId(), "Alternating-" + System.nanoTime(), null);
        List<Long> even = new ArrayList<>();
        for (int i = 0; i < 140; i++) {
            String body = i % 2 == 0 ? "the alternating needle " + i : "nothing here " + i;
            long uid = messages.append(other.id(), ("Subject: " + i + "\r\n\r\n" + body + "\r\n")
                    .getBytes(StandardCharsets.UTF_8), Flags.NONE, Instant.parse("2026-12-01T00:00:00Z")).uid();
            if (i % 2 == 0) {
                even.add(uid);
            }
        }
        drain();
        // more UID ranges than one SQL condition lists, asked more often than the pool has connections
        for (int i = 0; i < 25; i++) {
            assertThat(search.search(other.id(), SearchKey.body("alternating needle"))).isEqualTo(even);
        }
    }

    @Test
    void aTextCutAtTheLimitIsStillFoundPastTheCut() {
        String tail = "needle-past-the-cut-" + System.nanoTime();
        String message = "Subject: long\r\n\r\n" + "filler text ".repeat(200) + tail + "\r\n";
        long uid = messages.append(inbox.id(), message.getBytes(StandardCharsets.UTF_8), Flags.NONE,
                Instant.parse("2026-12-01T00:00:00Z")).uid();
        TextIndexer small = new TextIndexer(index, jdbc, new TransactionTemplate(transactions), contents::bytes,
                false, 100, 1000, java.time.Duration.ofHours(1), new SimpleMeterRegistry());
        while (small.indexOnce() > 0) {
            // drains the queue with texts cut at 1,000 characters
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM text_index_partial").query(Long.class).single()).isPositive();
        assertThat(search.search(inbox.id(), SearchKey.body(tail))).containsExactly(uid);
        assertThat(search.search(inbox.id(), SearchKey.text("filler text filler"))).contains(uid);
        assertThat(search.search(inbox.id(), SearchKey.not(SearchKey.body(tail)))).doesNotContain(uid);
    }

    @Test
    void headerKeysNarrowedByTheIndexFindWhatTheScanFinds() {
        String[] crafted = {
            "From: user (a comment)@ (another) crafted-domain.org\r\nTo: alice@to.example\r\nSubject: crafted one\r\n\r\nx\r\n",
            "From: =?utf-8?q?J=C3=B6rg_M=C3=BCller?= <jm@umlaut.example>\r\nCc: \"Team, All\" <team@to.example>\r\n"
                    + "Subject: =?iso-8859-1?q?caf=E9_cr=E8me?=\r\nX-Tag: folded\r\n value here\r\n\r\ny\r\n",
            "From: alice@to.example\r\nSubject: alice in the subject\r\n\r\nz\r\n"};
        for (String m : crafted) {
            messages.append(inbox.id(), m.getBytes(StandardCharsets.UTF_8), Flags.NONE, Instant.parse("2026-12-01T00:00:00Z"));
        }
        drain();
        // one more, still queued when searched
        messages.append(inbox.id(), "From: queued-sender@late.example\r\nSubject: late\r\n\r\nq\r\n"
                .getBytes(StandardCharsets.UTF_8), Flags.NONE, Instant.parse("2026-12-01T00:00:00Z"));
        Set<String> picked = new LinkedHashSet<>(List.of("user@crafted-domain.org", "a comment", "j\u00f6rg m\u00fcller",
                "J\u00d6RG M\u00dcLLER <JM@UMLAUT", "team, all", "caf\u00e9 cr", "alice@to", "to.example",
                "queued-sender", "value here", "nowhere-at-all"));
        Random random = new Random(9051);
        for (String file : Corpus.FILES) {
            IndexedText text = IndexedText.of(Corpus.read(file), Integer.MAX_VALUE);
            for (String part : List.of(text.header(), text.addresses())) {
                if (part.length() >= 12) {
                    int at = random.nextInt(part.length() - 12 + 1);
                    picked.add(part.substring(at, at + 12));
                }
            }
        }
        int compared = 0;
        int found = 0;
        for (String n : picked) {
            if (n.indexOf(IndexedText.SEPARATOR) >= 0 || IndexedText.needle(n) == null) {
                continue;
            }
            for (SearchKey key : List.of(SearchKey.header("From", n), SearchKey.header("To", n),
                    SearchKey.header("Cc", n), SearchKey.header("Subject", n), SearchKey.header("X-Tag", n),
                    SearchKey.and(SearchKey.header("From", n), SearchKey.unseen()),
                    SearchKey.not(SearchKey.header("From", n)))) {
                List<Long> expected = scan.search(inbox.id(), key);
                assertThat(search.search(inbox.id(), key)).as(key.toString()).isEqualTo(expected);
                compared++;
                found += expected.isEmpty() || key instanceof SearchKey.Not ? 0 : 1;
            }
        }
        assertThat(compared).isGreaterThan(200);
        assertThat(found).as("keys that find something").isGreaterThan(40);
        // the crafted cases themselves
        assertThat(search.search(inbox.id(), SearchKey.header("From", "user@crafted-domain.org"))).hasSize(1);
        assertThat(search.search(inbox.id(), SearchKey.header("From", "queued-sender"))).hasSize(1);
        assertThat(search.search(inbox.id(), SearchKey.header("From", "alice@to"))).hasSize(1);
        assertThat(search.search(inbox.id(), SearchKey.header("To", "alice@to"))).hasSize(1);
        drain();
    }

    @Test
    void needlesShorterThanATrigramOrVeryLongAreLeftToTheScan() {
        drain();
        for (String n : List.of("", "e", "ab", "\u65e5\u672c", "the ".repeat(100))) {
            assertThat(search.search(inbox.id(), SearchKey.text(n))).as(n)
                    .isEqualTo(scan.search(inbox.id(), SearchKey.text(n)));
        }
    }

    private List<String> answers(List<String> which) {
        List<String> out = new ArrayList<>();
        for (String n : which) {
            out.add(n + " BODY " + search.search(inbox.id(), SearchKey.body(n)) + " TEXT "
                    + search.search(inbox.id(), SearchKey.text(n)));
        }
        return out;
    }

    /**
     * What the scan answers, from its own matcher over each message read once (as many scans over the
     * mailbox would answer, at the cost of one).
     */
    private List<String> scanAnswers(List<String> which) {
        List<SearchCandidate> candidates = new ArrayList<>();
        messages.scan(inbox.id(), UidSet.ALL, MessageFields.HEADER,
                r -> candidates.add(new SearchCandidate(r, messages.content(r.contentId()))));
        SearchMatcher matcher = new SearchMatcher(ZoneOffset.UTC);
        List<String> out = new ArrayList<>();
        for (String n : which) {
            out.add(n + " BODY " + matching(matcher, candidates, SearchKey.body(n)) + " TEXT "
                    + matching(matcher, candidates, SearchKey.text(n)));
        }
        return out;
    }

    private static List<Long> matching(SearchMatcher matcher, List<SearchCandidate> candidates, SearchKey key) {
        return candidates.stream().filter(c -> Boolean.TRUE.equals(matcher.matches(key, c)))
                .map(c -> c.record.uid()).toList();
    }

    private void drain() {
        while (indexer.indexOnce() > 0) {
            // until the queue is empty
        }
    }
}
