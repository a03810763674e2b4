package org.courriel.store.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rights strings of RFC 4314 §2.1 and §2.1.1, parsed and written back. */
class RightsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "lrswipkxtea, lrswipkxteacd",
        // §2.1.1: "d" stands for "t" and "e", "c" for "k" and "x"; each is written when a member is present
        "lrswida, lrswitead",
        "lrswikda, lrswikteacd",
        "c, kxc",
        "ar, ra",
        "l, l",
        "'', ''",
        "rl, lr",
    })
    void parsesAndWritesInCanonicalOrder(String given, String written) {
        assertThat(Rights.parse(given).toString()).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lrQswicda, Uppercase rights are not allowed", "lrqswicda, The q right is not supported",
        "lr1, The 1 right is not supported"})
    void refusesWhatIsNoRight(String given, String message) {
        assertThatThrownBy(() -> Rights.parse(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} read-write: {1}")
    @CsvSource({"lr, false", "lrs, true", "lri, true", "lre, true", "lrk, false", "lrxa, false"})
    void readWriteFollowsRfc4314Section52(String rights, boolean readWrite) {
        assertThat(Rights.parse(rights).readWrite()).isEqualTo(readWrite);
    }
}
