package org.courriel.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** EMAILIDs hide the stored content's sequential id (RFC 8474 §11) and map back to it for SEARCH (§6). */
class EmailIdsTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final EmailIds ids = new EmailIds(key(7));

    @Test
    void anEmailIdIsAnObjectIdOfTwentyThreeCharactersThatMapsBack() {
        for (long id : new long[] {1, 2, 42, 1L << 40, Long.MAX_VALUE}) {
            String emailId = ids.of(id);
            assertThat(emailId).matches("M[A-Za-z0-9_-]{22}");
            assertThat(ObjectId.parse(emailId)).isEqualTo(emailId);
            assertThat(ids.contentOf(emailId)).isEqualTo(id);
            assertThat(emailId).as("the same on every call").isEqualTo(ids.of(id));
        }
    }

    @Test
    void neighbouringIdsShareNoVisibleOrderOrDigits() {
        Set<String> seen = new HashSet<>();
        LongStream.rangeClosed(1, 1000).mapToObj(ids::of).forEach(seen::add);
        assertThat(seen).hasSize(1000);
        assertThat(ids.of(2)).doesNotContain("2").isNotEqualTo("M2");
        assertThat(seen).noneMatch(s -> s.matches("M[0-9]+"));
    }

    @Test
    void anotherInstallationsKeyGivesOtherIdsThatMatchNothingHere() {
        EmailIds other = new EmailIds(key(8));
        assertThat(other.of(42)).isNotEqualTo(ids.of(42));
        assertThat(ids.contentOf(other.of(42))).isEqualTo(-1);
    }

    @Test
    void idsThisServerNeverGaveOutMatchNothing() {
        String good = ids.of(42);
        String flipped = good.substring(0, 5) + (good.charAt(5) == 'A' ? 'B' : 'A') + good.substring(6);
        for (String other : List.of("M42", "M0", "m" + good.substring(1), good + "A", good.substring(0, 22), flipped,
                "M0000000000000000000000", "F" + good.substring(1))) {
            assertThat(ids.contentOf(other)).as(other).isEqualTo(-1);
        }
    }
}
