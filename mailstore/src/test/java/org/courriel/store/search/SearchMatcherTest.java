package org.courriel.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courriel.store.search.SearchKey.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.courriel.store.search.text.SearchText;

/** The pure parts of searching: dates as written, decoded fields, and three-valued matching before the body is read. */
class SearchMatcherTest {

    static final byte[] MESSAGE = ("Subject: =?UTF-8?Q?R=C3=A9union?=\r\n"
            + " du lundi\r\n"
            + "Date: Mon, 23 Nov 2026 23:30:00 -0500\r\n"
            + "\r\n"
            + "Ordre du jour\r\n").getBytes(StandardCharsets.UTF_8);

    static final MessageRecord RECORD = new MessageRecord(7, 42, Flags.of(SystemFlag.SEEN),
            Instant.parse("2026-11-24T04:30:00Z"), MESSAGE.length, 1, null, null);

    static final SearchMatcher UTC = new SearchMatcher(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Mon, 23 Nov 2026 23:30:00 -0500|2026-11-23",
            "23 Nov 2026 23:30 +0900|2026-11-23",
            "Sun, 7 May 95 16:21:03 GMT|1995-05-07",
            "Thu, 1 Jan 04 00:00:00 +0000|2004-01-01",
            "Wed, 20 Sep 1995 00:19:00 (EDT) -0400|1995-09-20",
            "3 sept. 2021 10:00|2021-09-03",
            "Tue, 31 Feb 2026 10:00:00 +0000|",
            "yesterday|"})
    void sentDateIsTheDateAsWritten(String header, LocalDate expected) {
        assertThat(SearchText.date(header)).isEqualTo(expected);
    }

    @Test
    void fieldsAreUnfoldedAndDecoded() {
        List<SearchText.Field> fields = SearchText.fields(MESSAGE);
        assertThat(fields).extracting(SearchText.Field::name).containsExactly("Subject", "Date");
        assertThat(fields.get(0).foldedValue()).isEqualTo("r\u00e9union du lundi");
    }

    @Test
    void bodyKeysAreUndecidedUntilTheContentIsRead() {
        SearchCandidate scanned = new SearchCandidate(RECORD, null);
        assertThat(UTC.matches(body("ordre"), scanned)).isNull();
        assertThat(UTC.matches(not(body("ordre")), scanned)).isNull();
        assertThat(UTC.matches(text("jour"), scanned)).as("the header is not at hand either").isNull();

        SearchCandidate read = new SearchCandidate(RECORD, MESSAGE);
        assertThat(UTC.matches(body("ORDRE DU"), read)).isTrue();
        assertThat(UTC.matches(body("r\u00e9union"), read)).isFalse();
        assertThat(UTC.matches(text("R\u00c9UNION"), read)).isTrue();
    }

    @Test
    void flagsAndDatesDecideWithoutTheBody() {
        SearchCandidate scanned = new SearchCandidate(RECORD, null);
        assertThat(UTC.matches(or(seen(), body("x")), scanned)).isTrue();
        assertThat(UTC.matches(and(unseen(), body("x")), scanned)).isFalse();
        assertThat(UTC.matches(and(seen(), body("x")), scanned)).isNull();
        assertThat(UTC.matches(or(unseen(), body("x")), scanned)).isNull();
        assertThat(UTC.matches(and(), scanned)).isTrue();
        assertThat(UTC.matches(uid(UidSet.of(7)), scanned)).isTrue();
        assertThat(UTC.matches(modSeq(43), scanned)).isFalse();
        assertThat(UTC.matches(on(LocalDate.of(2026, 11, 24)), scanned)).isTrue();
        assertThat(new SearchMatcher(ZoneOffset.ofHours(-5)).matches(on(LocalDate.of(2026, 11, 23)), scanned))
                .isTrue();
    }

    @Test
    void scanReadsOnlyWhatTheKeysNeed() {
        assertThat(MessageSearch.SearchNeeds.of(and(seen(), larger(10))).fields()).isEqualTo(MessageFields.BASIC);
        assertThat(MessageSearch.SearchNeeds.of(body("x")).fields()).isEqualTo(MessageFields.BASIC);
        assertThat(MessageSearch.SearchNeeds.of(not(subject("x"))).fields()).isEqualTo(MessageFields.HEADER);
        assertThat(MessageSearch.SearchNeeds.of(or(sentOn(LocalDate.EPOCH), hasAttachment())).fields())
                .isEqualTo(MessageFields.SUMMARY_AND_HEADER);
        assertThat(MessageSearch.SearchNeeds.of(hasAttachment()).fields()).isEqualTo(MessageFields.SUMMARY);
        assertThat(MessageSearch.SearchNeeds.of(and(seen(), uid(UidSet.range(5, 9)))).scope())
                .isEqualTo(UidSet.range(5, 9));
        assertThat(MessageSearch.SearchNeeds.of(or(seen(), uid(UidSet.range(5, 9)))).scope()).isEqualTo(UidSet.ALL);
    }
}
