package org.courriel.store.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which UID sets a scan looks up range by range rather than reading the span from the first to the last. */
class MessageReaderSparseTest {

    @Test
    void aFewRangesSpreadOverALongSpanAreLookedUp() {
        assertThat(MessageReader.sparse(UidSet.of(3, 5000, 90_000))).isTrue();
        assertThat(MessageReader.sparse(UidSet.of(List.of(new UidSet.Range(10, 12), new UidSet.Range(500, 501)))))
                .isTrue();
    }

    @Test
    void oneRangeADenseSetOrTooManyRangesOrUidsAreRead() {
        assertThat(MessageReader.sparse(UidSet.range(1, 100_000))).isFalse();
        assertThat(MessageReader.sparse(UidSet.of(7))).isFalse();
        assertThat(MessageReader.sparse(UidSet.of(1, 3, 5, 7, 9))).as("half of the span").isFalse();
        long[] many = new long[MessageReader.MAX_SPARSE + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = 1 + 100L * i;
        }
        assertThat(MessageReader.sparse(UidSet.of(many))).isFalse();
        assertThat(MessageReader.sparse(UidSet.of(List.of(new UidSet.Range(1, MessageReader.MAX_SPARSE_UIDS),
                new UidSet.Range(10_000_000, 10_000_000))))).as("few ranges, too many UIDs").isFalse();
        assertThat(MessageReader.sparse(UidSet.ALL)).isFalse();
    }
}
