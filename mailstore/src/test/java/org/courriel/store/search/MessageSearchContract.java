package org.courriel.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courriel.store.search.SearchKey.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.FlagUpdate;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * SEARCH over a real store, one subclass per database. Four messages cover each key family: flags and
 * keywords, encoded-word headers, bodies in base64 and quoted-printable, internal and sent dates, sizes.
 */
@SpringBootTest(classes = StoreTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessageSearchContract {

    /** Encoded-word subject (B), sent late on 23 Nov in its own zone (already 24 Nov in UTC). */
    static final String M1 = """
            From: Alice Martin <alice@example.com>\r
            To: Bob <bob@example.org>\r
            Cc: Carol <carol@example.net>\r
            Subject: =?UTF-8?B?w4ljb2xl?= rentree\r
            Date: Mon, 23 Nov 2026 23:30:00 -0500\r
            \r
            Hello world, see you at school.\r
            """;

    /** Multipart with a base64 UTF-8 text part and a PDF attachment; sent early on 24 Nov (23 Nov in UTC). */
    static final String M2 = """
            From: Zo\u00e9 <zoe@example.com>\r
            To: Bob <bob@example.org>\r
            Subject: Quarterly report\r
            Date: Tue, 24 Nov 2026 01:00:00 +0100\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: base64\r
            \r
            TGVzIGRvbm7DqWVzIHNvbnQgcHLDqnRlcy4=\r
            --b1\r
            Content-Type: application/pdf; name="q3.pdf"\r
            Content-Disposition: attachment; filename="q3.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQKc2VjcmV0d29yZA==\r
            --b1--\r
            """;

    /** Quoted-printable ISO-8859-1 body, Q-encoded subject, Bcc, no Date header, padded to be the largest. */
    static final String M3 = """
            From: dave@example.com\r
            To: bob@example.org\r
            Bcc: Dave Archive <archive@example.com>\r
            Subject: =?ISO-8859-1?Q?caf=E9?= au lait\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=iso-8859-1\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Une cr=E8me br=FBl=E9e, s'il vous pla=EEt.\r
            """ + "padding ".repeat(200) + "\r\n";

    /** HTML only, a custom header, sent in 2025. */
    static final String M4 = """
            From: Newsletter <news@example.com>\r
            To: bob@example.org\r
            Subject: plain\r
            Date: Wed, 1 Jan 2025 08:00:00 +0000\r
            X-Custom: Tracking 42\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <p>Weekly <b>digest</b></p>\r
            """;

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
    MessageListing listing;

    MailboxInfo inbox;
    long m3Size;
    long m4Modseq;

    private static int counter;

    /** Searches only read: one mailbox serves every test. */
    @BeforeAll
    void fillMailbox() {
        String domain = "s" + (++counter) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        AccountInfo bob = accounts.create("bob@" + domain, "correct horse battery", "Bob", 0);
        inbox = mailboxes.get(bob.id(), "INBOX");
        append(M1, Flags.of(SystemFlag.SEEN), "2026-01-10T12:00:00Z");
        append(M2, new Flags(SystemFlag.FLAGGED.bit(), Set.of("$Important")), "2026-01-11T23:59:59Z");
        m3Size = append(M3, Flags.of(SystemFlag.ANSWERED, SystemFlag.DELETED, SystemFlag.DRAFT),
                "2026-01-12T00:00:00Z");
        append(M4, Flags.NONE, "2026-01-12T10:00:00Z");
        FlagUpdate update = messages.storeFlags(inbox.id(), UidSet.of(4),
                new FlagChange(FlagChange.Mode.ADD, Flags.fromNames(List.of("NonJunk"))), null);
        m4Modseq = update.changed().get(0).modseq();
    }

    private long append(String message, Flags flags, String internalDate) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        AppendResult r = messages.append(inbox.id(), bytes, flags, Instant.parse(internalDate));
        assertThat(r.uid()).isPositive();
        return bytes.length;
    }

    private List<Long> find(SearchKey key) {
        return search.search(inbox.id(), key);
    }

    @Test
    void allAndUidSets() {
        assertThat(find(all())).containsExactly(1L, 2L, 3L, 4L);
        assertThat(find(uid(UidSet.range(2, 3)))).containsExactly(2L, 3L);
        assertThat(find(uid(UidSet.of(4, 9)))).containsExactly(4L);
        assertThat(find(and())).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void systemFlagsAndTheirNegations() {
        assertThat(find(seen())).containsExactly(1L);
        assertThat(find(unseen())).containsExactly(2L, 3L, 4L);
        assertThat(find(answered())).containsExactly(3L);
        assertThat(find(unanswered())).containsExactly(1L, 2L, 4L);
        assertThat(find(deleted())).containsExactly(3L);
        assertThat(find(undeleted())).containsExactly(1L, 2L, 4L);
        assertThat(find(draft())).containsExactly(3L);
        assertThat(find(undraft())).containsExactly(1L, 2L, 4L);
        assertThat(find(flagged())).containsExactly(2L);
        assertThat(find(unflagged())).containsExactly(1L, 3L, 4L);
    }

    /** What the message row's columns decide is one SQL query; it finds exactly what the scan finds. */
    @Test
    void keysTheColumnsDecideFindWhatTheScanFinds() {
        SearchKey scanOnly = unkeyword("$never-set"); // true of every message here, decided by the scan only
        List<SearchKey> keys = List.of(seen(), not(flagged()), or(deleted(), larger(m3Size - 1)),
                and(uid(UidSet.range(1, 3)), unseen()), modSeq(m4Modseq), not(or(smaller(10), answered())),
                uid(UidSet.of()), and(undeleted(), uid(UidSet.of(1, 4, 9))));
        for (SearchKey key : keys) {
            assertThat(ColumnCondition.of(key)).as("decided by the columns: %s", key).isPresent();
            assertThat(ColumnCondition.of(and(key, scanOnly))).as("left to the scan").isEmpty();
            assertThat(find(key)).as("%s", key).isEqualTo(find(and(key, scanOnly)));
        }
        assertThat(find(or(deleted(), flagged()))).containsExactly(2L, 3L);
        assertThat(find(and(undeleted(), uid(UidSet.of(1, 4, 9))))).containsExactly(1L, 4L);
    }

    @Test
    void keywordsCompareWithoutCase() {
        assertThat(find(keyword("$important"))).containsExactly(2L);
        assertThat(find(unkeyword("$IMPORTANT"))).containsExactly(1L, 3L, 4L);
        assertThat(find(keyword("nonjunk"))).containsExactly(4L);
        assertThat(find(keyword("$Never"))).isEmpty();
    }

    @Test
    void addressHeadersMatchSubstringsOfNamesAndAddresses() {
        assertThat(find(from("ALICE@example"))).containsExactly(1L);
        assertThat(find(from("martin"))).containsExactly(1L);
        assertThat(find(from("zo\u00c9"))).containsExactly(2L);
        assertThat(find(to("bob@example.org"))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(find(cc("carol"))).containsExactly(1L);
        assertThat(find(bcc("archive@"))).containsExactly(3L);
        assertThat(find(bcc("alice"))).isEmpty();
    }

    @Test
    void subjectsMatchOnDecodedEncodedWords() {
        assertThat(find(subject("\u00e9cole"))).containsExactly(1L);
        assertThat(find(subject("CAF\u00c9 AU"))).containsExactly(3L);
        assertThat(find(subject("=?ISO-8859-1?Q?"))).isEmpty();
        assertThat(find(subject("report"))).containsExactly(2L);
    }

    @Test
    void headerKeyWithEmptyStringMatchesPresenceOfTheField() {
        assertThat(find(header("x-custom", "tracking 4"))).containsExactly(4L);
        assertThat(find(header("X-Custom", ""))).containsExactly(4L);
        assertThat(find(header("Date", ""))).containsExactly(1L, 2L, 4L);
        assertThat(find(header("X-Absent", ""))).isEmpty();
    }

    @Test
    void bodyMatchesDecodedTextPartsOnly() {
        assertThat(find(body("hello WORLD"))).containsExactly(1L);
        assertThat(find(body("donn\u00e9es sont"))).containsExactly(2L);
        assertThat(find(body("cr\u00e8me br\u00fbl\u00e9e"))).containsExactly(3L);
        assertThat(find(body("TGVzIGRvbm7"))).isEmpty();
        assertThat(find(body("secretword"))).as("attachments are not text").isEmpty();
        assertThat(find(body("quarterly"))).as("BODY leaves the header out").isEmpty();
        assertThat(find(body("weekly"))).containsExactly(4L);
    }

    @Test
    void textMatchesHeaderOrBody() {
        assertThat(find(text("quarterly"))).containsExactly(2L);
        assertThat(find(text("s'il vous pla\u00eet"))).containsExactly(3L);
        assertThat(find(text("x-custom"))).containsExactly(4L);
        assertThat(find(text("nowhere to be found"))).isEmpty();
    }

    @Test
    void sizesCompareStrictly() {
        assertThat(find(larger(m3Size - 1))).containsExactly(3L);
        assertThat(find(larger(m3Size))).isEmpty();
        assertThat(find(smaller(m3Size))).containsExactly(1L, 2L, 4L);
        assertThat(find(smaller(1))).isEmpty();
    }

    @Test
    void internalDatesCompareAsUtcDates() {
        assertThat(find(before(LocalDate.of(2026, 1, 11)))).containsExactly(1L);
        assertThat(find(on(LocalDate.of(2026, 1, 11)))).containsExactly(2L);
        assertThat(find(since(LocalDate.of(2026, 1, 12)))).containsExactly(3L, 4L);
        assertThat(find(since(LocalDate.of(2026, 1, 11)))).containsExactly(2L, 3L, 4L);
        assertThat(find(before(LocalDate.of(2026, 1, 10)))).isEmpty();
    }

    @Test
    void internalDatesFollowTheZoneGiven() {
        assertThat(search.search(inbox.id(), on(LocalDate.of(2026, 1, 12)), ZoneOffset.ofHours(2)))
                .containsExactly(2L, 3L, 4L);
        assertThat(search.search(inbox.id(), on(LocalDate.of(2026, 1, 11)), ZoneOffset.ofHours(-1)))
                .containsExactly(2L, 3L);
    }

    @Test
    void sentDatesUseTheDateAsTheHeaderWritesIt() {
        assertThat(find(sentOn(LocalDate.of(2026, 11, 23)))).containsExactly(1L);
        assertThat(find(sentOn(LocalDate.of(2026, 11, 24)))).containsExactly(2L);
        assertThat(find(sentBefore(LocalDate.of(2026, 11, 24)))).containsExactly(1L, 4L);
        assertThat(find(sentSince(LocalDate.of(2026, 11, 24)))).containsExactly(2L);
        assertThat(find(not(sentSince(LocalDate.of(1970, 1, 1))))).as("no Date header").containsExactly(3L);
    }

    @Test
    void modseqFindsMessagesChangedSince() {
        assertThat(find(modSeq(m4Modseq))).containsExactly(4L);
        assertThat(find(modSeq(0))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(find(modSeq(m4Modseq + 1))).isEmpty();
    }

    @Test
    void attachmentsAreFound() {
        assertThat(find(hasAttachment())).containsExactly(2L);
        assertThat(find(not(hasAttachment()))).containsExactly(1L, 3L, 4L);
    }

    @Test
    void notOrAndNestAcrossHeaderAndBodyKeys() {
        assertThat(find(or(seen(), flagged()))).containsExactly(1L, 2L);
        assertThat(find(not(or(seen(), and(flagged(), body("donn\u00e9es")))))).containsExactly(3L, 4L);
        assertThat(find(or(body("cr\u00e8me"), seen()))).containsExactly(1L, 3L);
        assertThat(find(not(body("hello")))).containsExactly(2L, 3L, 4L);
        assertThat(find(and(unseen(), or(subject("caf\u00e9"), body("weekly")), undraft()))).containsExactly(4L);
        assertThat(find(and(uid(UidSet.range(1, 2)), text("report")))).containsExactly(2L);
        assertThat(find(or(not(subject("plain")), header("x-custom", "42")))).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void recentNewAndOldComeFromTheSessionsRecentUids() {
        UidSet recent = UidSet.of(1, 2);
        assertThat(find(recent(recent))).containsExactly(1L, 2L);
        assertThat(find(newMessages(recent))).containsExactly(2L);
        assertThat(find(old(recent))).containsExactly(3L, 4L);
    }

    // The listing (MessageQuery): SQL over the sort and filter columns, the search for header and body filters.

    private List<Long> listed(MessageFilter filter, MessageQuery.Sort sort, boolean descending, int page, int size) {
        return listing.list(new MessageQuery(inbox.id(), filter, sort, descending, page, size)).messages().stream()
                .map(MessageRecord::uid).toList();
    }

    private static MessageFilter filter(String from, String text, String subject, LocalDate since, Boolean seen,
            Boolean flagged, Boolean attachment) {
        return new MessageFilter(from, null, subject, text, since, null, seen, flagged, attachment);
    }

    @Test
    void listingSortsByEachKeyWithTiesByUid() {
        assertThat(listed(MessageFilter.NONE, MessageQuery.Sort.DATE, true, 0, 10)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(listed(MessageFilter.NONE, MessageQuery.Sort.DATE, false, 0, 10)).containsExactly(4L, 3L, 2L, 1L);
        assertThat(listed(MessageFilter.NONE, MessageQuery.Sort.ARRIVAL, true, 0, 10)).containsExactly(4L, 3L, 2L, 1L);
        assertThat(listed(MessageFilter.NONE, MessageQuery.Sort.SIZE, true, 0, 1)).containsExactly(3L);
        assertThat(listed(filter(null, null, null, null, false, null, null), MessageQuery.Sort.SUBJECT, false, 0, 10))
                .as("without regard to case").containsExactly(3L, 4L, 2L);
        assertThat(listed(MessageFilter.NONE, MessageQuery.Sort.FROM, false, 0, 10)).containsExactly(1L, 3L, 4L, 2L);
    }

    @Test
    void listingFiltersOnColumnsAndCountsEveryPage() {
        assertThat(listed(filter(null, null, "REPORT", null, null, null, null), MessageQuery.Sort.DATE, true, 0, 10))
                .containsExactly(2L);
        assertThat(listed(filter(null, null, null, null, false, null, null), MessageQuery.Sort.DATE, true, 0, 10))
                .containsExactly(2L, 3L, 4L);
        assertThat(listed(filter(null, null, null, null, null, true, null), MessageQuery.Sort.DATE, true, 0, 10))
                .containsExactly(2L);
        assertThat(listed(filter(null, null, null, null, null, null, false), MessageQuery.Sort.DATE, true, 0, 10))
                .containsExactly(1L, 3L, 4L);
        assertThat(listed(filter(null, null, null, LocalDate.of(2026, 6, 1), null, null, null), MessageQuery.Sort.DATE,
                true, 0, 10)).containsExactly(1L, 2L);
        MessageListPage second = listing.list(new MessageQuery(inbox.id(), MessageFilter.NONE, MessageQuery.Sort.DATE,
                true, 1, 3));
        assertThat(second.messages()).extracting(MessageRecord::uid).containsExactly(4L);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.messages().get(0).summary()).as("listed with its summary").isNotNull();
    }

    @Test
    void listingLeavesHeaderAndBodyFiltersToTheSearch() {
        assertThat(listed(filter("ZO\u00c9", null, null, null, null, null, null), MessageQuery.Sort.DATE, true, 0, 10))
                .containsExactly(2L);
        assertThat(listed(filter(null, "weekly", null, null, null, null, null), MessageQuery.Sort.DATE, true, 0, 10))
                .containsExactly(4L);
        assertThat(listed(filter("example.com", null, null, null, false, null, null), MessageQuery.Sort.DATE, true,
                0, 10)).containsExactly(2L, 3L, 4L);
        MessageFilter toBob = new MessageFilter(null, "bob", null, null, null, null, null, null, null);
        MessageListPage page = listing.list(new MessageQuery(inbox.id(), toBob, MessageQuery.Sort.DATE, false, 1, 2));
        assertThat(page.messages()).extracting(MessageRecord::uid).containsExactly(2L, 1L);
        assertThat(page.total()).isEqualTo(4);
    }

    @Test
    void emptyMailboxFindsNothing() {
        MailboxInfo trash = mailboxes.list(inbox.accountId()).stream()
                .filter(m -> m.name().equals("Trash")).findFirst().orElseThrow();
        assertThat(search.search(trash.id(), all())).isEmpty();
        assertThat(search.search(trash.id(), body("x"))).isEmpty();
    }
}
