package org.courriel.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courriel.store.search.SearchKey.*;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;

import org.courriel.store.message.UidSet;
import org.junit.jupiter.api.Test;

class ColumnConditionTest {

    private static ColumnCondition sql(SearchKey key) {
        return ColumnCondition.of(key).orElseThrow(() -> new AssertionError("not decided by the columns: " + key));
    }

    @Test
    void flagsSizesModseqAndUidsBecomeParameterisedConditions() {
        assertThat(sql(seen())).isEqualTo(new ColumnCondition("MOD(system_flags / 1, 2) = 1", List.of()));
        assertThat(sql(unflagged())).isEqualTo(new ColumnCondition("MOD(system_flags / 4, 2) = 0", List.of()));
        assertThat(sql(larger(100))).isEqualTo(new ColumnCondition("size > ?", List.of(100L)));
        assertThat(sql(smaller(5))).isEqualTo(new ColumnCondition("size < ?", List.of(5L)));
        assertThat(sql(modSeq(7))).isEqualTo(new ColumnCondition("modseq >= ?", List.of(7L)));
        assertThat(sql(uid(UidSet.of(1, 2, 3, 9)))).isEqualTo(new ColumnCondition(
                "(uid BETWEEN ? AND ? OR uid BETWEEN ? AND ?)", List.of(1L, 3L, 9L, 9L)));
        assertThat(sql(uid(UidSet.of()))).isEqualTo(new ColumnCondition("1 = 0", List.of()));
        assertThat(sql(all())).isEqualTo(new ColumnCondition("1 = 1", List.of()));
        assertThat(sql(and())).isEqualTo(new ColumnCondition("1 = 1", List.of()));
    }

    @Test
    void notOrAndNestWithParenthesesAndKeepTheParametersInOrder() {
        assertThat(sql(not(or(deleted(), larger(10))))).isEqualTo(new ColumnCondition(
                "NOT ((MOD(system_flags / 8, 2) = 1) OR (size > ?))", List.of(10L)));
        assertThat(sql(and(smaller(3), uid(UidSet.range(4, 6)), modSeq(2)))).isEqualTo(new ColumnCondition(
                "(size < ?) AND ((uid BETWEEN ? AND ?)) AND (modseq >= ?)", List.of(3L, 4L, 6L, 2L)));
    }

    @Test
    void keysThatNeedTheHeaderBodyKeywordsOrDatesAreLeftToTheScan() {
        for (SearchKey key : List.of(subject("x"), from("a"), body("b"), text("c"), keyword("$Junk"),
                since(LocalDate.of(2026, 1, 1)), sentOn(LocalDate.of(2026, 1, 1)), hasAttachment(),
                and(seen(), subject("x")), or(seen(), keyword("k")), not(text("t")))) {
            assertThat(ColumnCondition.of(key)).as("%s", key).isEmpty();
        }
    }

    @Test
    void aUidSetOfTooManyRangesIsLeftToTheScan() {
        long[] scattered = LongStream.rangeClosed(1, ColumnCondition.MAX_UID_RANGES + 1).map(n -> n * 2).toArray();
        assertThat(ColumnCondition.of(uid(UidSet.of(scattered)))).isEmpty();
        long[] justEnough = LongStream.rangeClosed(1, ColumnCondition.MAX_UID_RANGES).map(n -> n * 2).toArray();
        assertThat(ColumnCondition.of(uid(UidSet.of(justEnough)))).isPresent();
    }
}
