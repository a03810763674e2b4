package org.courriel.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.courriel.imap.protocol.SequenceSet;
import org.courriel.store.message.UidSet;
import org.junit.jupiter.api.Test;

class MessageSequenceTest {

    @Test
    void expungeRenumbersAndReportsDescendingSequenceNumbers() {
        MessageSequence s = new MessageSequence(new long[] {3, 5, 8, 13, 21});
        assertThat(s.remove(List.of(5L, 13L, 99L))).containsExactly(4, 2);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.uid(1)).isEqualTo(3);
        assertThat(s.uid(2)).isEqualTo(8);
        assertThat(s.uid(3)).isEqualTo(21);
        assertThat(s.seqOf(21)).isEqualTo(3);
        assertThat(s.seqOf(13)).isZero();
    }

    @Test
    void newUidsAreAppendedOnlyAboveTheKnownOnes() {
        MessageSequence s = new MessageSequence(new long[] {1, 2});
        assertThat(s.add(7)).isTrue();
        assertThat(s.add(7)).isFalse();
        assertThat(s.add(5)).isFalse();
        for (long uid = 8; uid < 100; uid++) {
            s.add(uid);
        }
        assertThat(s.size()).isEqualTo(95);
        assertThat(s.maxUid()).isEqualTo(99);
    }

    @Test
    void sequenceSetsResolveToUidRanges() {
        MessageSequence s = new MessageSequence(new long[] {3, 5, 8, 13, 21});
        assertThat(s.resolve(SequenceSet.parse("2:4"), false)).isEqualTo(UidSet.range(5, 13));
        assertThat(s.resolve(SequenceSet.parse("*"), false)).isEqualTo(UidSet.of(21));
        // RFC 9051 §6.4.9: UID 22:* still names the highest UID
        assertThat(s.resolve(SequenceSet.parse("22:*"), true)).isEqualTo(UidSet.range(21, 22));
        assertThat(s.knownUids(s.resolve(SequenceSet.parse("4:30"), true))).containsExactly(5, 8, 13, 21);
        assertThat(s.validSequence(SequenceSet.parse("1:5"))).isTrue();
        assertThat(s.validSequence(SequenceSet.parse("6"))).isFalse();
        assertThat(new MessageSequence(new long[0]).validSequence(SequenceSet.parse("1:*"))).isTrue();
        assertThat(s.validSequence(SequenceSet.parse("9:*"))).isTrue();
        assertThat(new MessageSequence(new long[0]).validSequence(SequenceSet.parse("*"))).isTrue();
        assertThat(new MessageSequence(new long[0]).resolve(SequenceSet.parse("*"), false).isEmpty()).isTrue();
    }

    @Test
    void sharedBaseIsNeverWrittenAndDeltasBehaveLikeAnArray() {
        long[] shared = {2, 4, 6, 8, 10};
        MessageSequence s = new MessageSequence(shared);
        java.util.List<Long> model = new java.util.ArrayList<>(java.util.List.of(2L, 4L, 6L, 8L, 10L));
        java.util.Random random = new java.util.Random(42);
        long next = 11;
        for (int step = 0; step < 2000; step++) {
            if (random.nextInt(3) == 0 && !model.isEmpty()) {
                long uid = model.get(random.nextInt(model.size()));
                int expectedSeq = model.indexOf(uid) + 1;
                assertThat(s.remove(List.of(uid))).containsExactly(expectedSeq);
                model.remove(uid);
            } else {
                next += 1 + random.nextInt(3);
                assertThat(s.add(next)).isTrue();
                model.add(next);
            }
            assertThat(s.size()).isEqualTo(model.size());
            for (int seq = 1; seq <= model.size(); seq += 1 + model.size() / 20) {
                assertThat(s.uid(seq)).isEqualTo(model.get(seq - 1));
                assertThat(s.seqOf(model.get(seq - 1))).isEqualTo(seq);
            }
            assertThat(s.maxUid()).isEqualTo(model.isEmpty() ? 0 : model.get(model.size() - 1));
        }
        assertThat(s.knownUids(UidSet.ALL)).containsExactly(model.stream().mapToLong(Long::longValue).toArray());
        assertThat(shared).containsExactly(2, 4, 6, 8, 10);
    }
}
