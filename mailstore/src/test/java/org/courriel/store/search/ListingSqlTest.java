package org.courriel.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListingSqlTest {

    private static MessageFilter filter(String subject, LocalDate since, Boolean seen, Boolean flagged, Boolean attachment) {
        return new MessageFilter(null, null, subject, null, since, null, seen, flagged, attachment);
    }

    @Test
    void noFilterIsNoCondition() {
        assertThat(ListingSql.where(MessageFilter.NONE)).isEqualTo(new ListingSql("", List.of()));
    }

    @Test
    void filtersBecomeParameterisedConditions() {
        ListingSql sql = ListingSql.where(filter("Minutes", LocalDate.of(2026, 1, 2), true, false, true));
        assertThat(sql.where()).isEqualTo(" AND LOWER(subject) LIKE ? ESCAPE '\\'"
                + " AND COALESCE(sent_date, internal_date) >= ?"
                + " AND MOD(system_flags / 1, 2) = 1 AND MOD(system_flags / 4, 2) = 0 AND has_attachment = ?");
        assertThat(sql.params()).containsExactly("%minutes%", OffsetDateTime.parse("2026-01-02T00:00Z"), true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"plain|%plain%", "100%|%100\\%%", "a_b|%a\\_b%", "back\\slash|%back\\\\slash%"})
    void likePatternsEscapeTheirOwnCharacters(String value, String pattern) {
        assertThat(ListingSql.contains(value)).isEqualTo(pattern);
    }

    @ParameterizedTest
    @CsvSource({"DATE,true,' ORDER BY COALESCE(sent_date, internal_date) DESC NULLS LAST, m.uid DESC'",
            "SIZE,false,' ORDER BY size ASC NULLS FIRST, m.uid ASC'",
            "SUBJECT,false,' ORDER BY s.base_subject ASC NULLS FIRST, m.uid ASC'"})
    void sortsBreakTiesByUid(MessageQuery.Sort sort, boolean descending, String orderBy) {
        MessageQuery q = new MessageQuery(1, MessageFilter.NONE, sort, descending, 0, 1);
        assertThat(ListingSql.orderBy(q)).isEqualTo(orderBy);
    }

    @Test
    void reverseTurnsItsOwnCriterionAndNotTheSequenceOrder() {
        // RFC 5256 §3: REVERSE does not affect the implicit sequence number criterion
        String orderBy = ListingSql.orderBy(List.of(new SortCriterion(MessageQuery.Sort.SUBJECT, false),
                new SortCriterion(MessageQuery.Sort.DATE, true), new SortCriterion(MessageQuery.Sort.DISPLAYFROM, false)),
                false);
        assertThat(orderBy).isEqualTo(" ORDER BY s.base_subject ASC NULLS FIRST,"
                + " COALESCE(sent_date, internal_date) DESC NULLS LAST, s.display_from ASC NULLS FIRST, m.uid ASC");
    }

    @Test
    void fromToAndTextNeedTheStoresSearch() {
        assertThat(filter("x", null, null, null, null).needsSearch()).isFalse();
        assertThat(new MessageFilter("a", null, null, null, null, null, null, null, null).needsSearch()).isTrue();
        assertThat(new MessageFilter(null, null, null, "body", null, null, null, null, null).needsSearch()).isTrue();
    }
}
