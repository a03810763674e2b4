package org.courriel.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.SearchKey;
import org.junit.jupiter.api.Test;

class SearchParserTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    /** Sequence number n is UID 10 n; the recent UIDs are 90:99. */
    private static final SearchParser.Resolver RESOLVER = new SearchParser.Resolver() {
        @Override
        public UidSet uids(SequenceSet set, boolean byUid) {
            return UidSet.of(set.ranges().stream()
                    .map(r -> new UidSet.Range(byUid ? r.low() : r.low() * 10, byUid ? r.high() : r.high() * 10)).toList());
        }

        @Override
        public UidSet recent() {
            return UidSet.range(90, 99);
        }

        @Override
        public long emailContent(String emailId) {
            return emailId.equals("Mforty-two") ? 42 : -1;
        }

        @Override
        public Instant now() {
            return NOW;
        }
    };

    private static SearchKey parse(String keys) {
        return SearchParser.parse(CommandParser.of(" " + keys), RESOLVER).key();
    }

    @Test
    void juxtapositionIsAnd() {
        assertThat(parse("FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"")).isEqualTo(SearchKey.and(SearchKey.flagged(),
                SearchKey.since(LocalDate.of(1994, 2, 1)), SearchKey.not(SearchKey.from("Smith"))));
    }

    @Test
    void orNotAndParenthesesNest() {
        assertThat(parse("OR (SEEN UNANSWERED) NOT DELETED")).isEqualTo(SearchKey.or(
                SearchKey.and(SearchKey.seen(), SearchKey.unanswered()), SearchKey.not(SearchKey.deleted())));
    }

    @Test
    void sequenceSetsAndUidsAreResolvedToUids() {
        assertThat(parse("2:3")).isEqualTo(SearchKey.uid(UidSet.range(20, 30)));
        assertThat(parse("UID 5:7")).isEqualTo(SearchKey.uid(UidSet.range(5, 7)));
        assertThat(parse("RECENT")).isEqualTo(SearchKey.recent(UidSet.range(90, 99)));
        assertThat(parse("NEW")).isEqualTo(SearchKey.newMessages(UidSet.range(90, 99)));
    }

    @Test
    void everyRfc3501KeyParses() {
        assertThat(parse("ALL ANSWERED BCC a BEFORE 1-Jan-2020 BODY b CC c DELETED DRAFT FLAGGED FROM d"
                + " HEADER X-Spam yes KEYWORD $Junk LARGER 100 NEW NOT SEEN OLD ON \"2-Mar-2021\" OR SEEN DRAFT RECENT SEEN"
                + " SENTBEFORE 1-Jan-2020 SENTON 1-Jan-2020 SENTSINCE 1-Jan-2020 SINCE 1-Jan-2020 SMALLER 5 SUBJECT e"
                + " TEXT f TO g UID 1:* UNANSWERED UNDELETED UNDRAFT UNFLAGGED UNKEYWORD $Junk UNSEEN 1,2 MODSEQ 5"))
                .isInstanceOf(SearchKey.And.class);
        SearchParser.Result modseq = SearchParser.parse(CommandParser.of(" MODSEQ \"/flags/\\\\draft\" all 620162338"),
                RESOLVER);
        assertThat(modseq.key()).isEqualTo(SearchKey.modSeq(620162338));
        assertThat(modseq.usesModseq()).isTrue();
    }

    @Test
    void olderAndYoungerCountSecondsBackFromNow() {
        // RFC 5032 §4: the example's SEARCH UNDELETED YOUNGER 259200 (three days)
        assertThat(parse("UNDELETED YOUNGER 259200")).isEqualTo(SearchKey.and(SearchKey.undeleted(),
                SearchKey.younger(Instant.parse("2026-11-29T12:00:00Z"))));
        assertThat(parse("OLDER 60")).isEqualTo(SearchKey.older(Instant.parse("2026-12-02T11:59:00Z")));
        assertThat(parse("OLDER 99999999999999")).isInstanceOf(SearchKey.InternalAge.class);
        for (String bad : List.of("OLDER", "OLDER 0", "YOUNGER -1", "YOUNGER x", "OLDER 1-Jan-2020")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ImapSyntaxException.class);
        }
    }

    @Test
    void literalsCarryUtf8Strings() {
        assertThat(parse("SUBJECT {5}\r\ncaf\u00e9")).isEqualTo(SearchKey.subject("caf\u00e9"));
    }

    @Test
    void saveDateKeysOfRfc8514() {
        LocalDate day = LocalDate.of(2014, 12, 28);
        assertThat(parse("SAVEDON 28-Dec-2014")).isEqualTo(SearchKey.savedOn(day));
        assertThat(parse("SAVEDBEFORE \"28-Dec-2014\"")).isEqualTo(SearchKey.savedBefore(day));
        assertThat(parse("savedsince 28-Dec-2014")).isEqualTo(SearchKey.savedSince(day));
        // every mailbox keeps save dates (RFC 8514 §4.3)
        assertThat(parse("SAVEDATESUPPORTED")).isEqualTo(SearchKey.all());
    }

    @Test
    void objectIdKeysOfRfc8474() {
        assertThat(parse("EMAILID Mforty-two")).isEqualTo(SearchKey.contentIs(42));
        // ids this server never gave out match nothing
        for (String other : List.of("mforty-two", "M42", "F42", "T1")) {
            assertThat(parse("EMAILID " + other)).as(other).isEqualTo(SearchKey.uid(UidSet.of()));
        }
        assertThat(parse("THREADID T1")).isEqualTo(SearchKey.uid(UidSet.of()));
    }

    @Test
    void malformedKeysAreSyntaxErrors() {
        for (String bad : List.of("EMAILID", "EMAILID M!", "EMAILID \"M1\"", "THREADID", "THREADID a.b", "SAVEDON",
                "SAVEDSINCE 32-Dec-2026", "EMAILID " + "M".repeat(256))) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ImapSyntaxException.class);
        }
        for (String bad : List.of("", "NOPE", "FROM", "SINCE 31-Foo-2020", "OR SEEN", "(SEEN", "LARGER x", "UID")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ImapSyntaxException.class);
        }
    }

    @Test
    void nestingOfParenthesesNotAndOrIsBounded() {
        SearchParser.Limits limits = new SearchParser.Limits(10, 1000);
        // each row: a program at the depth limit parses, one level more is a syntax error (not a stack overflow)
        for (String[] row : new String[][] {
            {"(".repeat(10) + "ALL" + ")".repeat(10), "(".repeat(11) + "ALL" + ")".repeat(11)},
            {"NOT ".repeat(10) + "ALL", "NOT ".repeat(11) + "ALL"},
            {"OR ".repeat(10) + "ALL" + " ALL".repeat(10), "OR ".repeat(11) + "ALL" + " ALL".repeat(11)},
            {"NOT (".repeat(5) + "ALL" + ")".repeat(5), "NOT (".repeat(5) + "NOT ALL" + ")".repeat(5)},
        }) {
            assertThat(SearchParser.parse(CommandParser.of(" " + row[0]), RESOLVER, limits).key()).as(row[0]).isNotNull();
            assertThatThrownBy(() -> SearchParser.parse(CommandParser.of(" " + row[1]), RESOLVER, limits)).as(row[1])
                    .isInstanceOf(ImapSyntaxException.class).hasMessageContaining("nested too deep");
        }
    }

    @Test
    void deepProgramsWithTheDefaultLimitsAreSyntaxErrorsNotStackOverflows() {
        for (String deep : List.of("OR ".repeat(10_000) + "ALL" + " ALL".repeat(10_000), "NOT ".repeat(100_000) + "ALL",
                "(".repeat(10_000) + "ALL" + ")".repeat(10_000))) {
            assertThatThrownBy(() -> parse(deep)).isInstanceOf(ImapSyntaxException.class);
        }
    }

    @Test
    void numberOfKeysIsBounded() {
        // a parenthesised list counts as a key besides the keys inside it
        SearchParser.Limits limits = new SearchParser.Limits(100, 6);
        for (String[] row : new String[][] {
            {"SEEN SEEN SEEN SEEN SEEN SEEN", "SEEN SEEN SEEN SEEN SEEN SEEN SEEN"},
            {"(SEEN SEEN) (SEEN SEEN)", "(SEEN SEEN) (SEEN SEEN SEEN)"},
            {"OR SEEN NOT SEEN", "OR SEEN NOT (SEEN DRAFT SEEN)"},
        }) {
            assertThat(SearchParser.parse(CommandParser.of(" " + row[0]), RESOLVER, limits).key()).as(row[0]).isNotNull();
            assertThatThrownBy(() -> SearchParser.parse(CommandParser.of(" " + row[1]), RESOLVER, limits)).as(row[1])
                    .isInstanceOf(ImapSyntaxException.class).hasMessageContaining("too many search keys");
        }
    }
}
