package org.courriel.store.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FlagsTest {

    @Test
    void noKeywordsIsOneEmptySetEqualToAnyOther() {
        Flags read = Flags.fromColumns(SystemFlag.SEEN.bit(), null);
        assertThat(read.keywords()).isEmpty();
        assertThat(read).isEqualTo(new Flags(SystemFlag.SEEN.bit(), new java.util.TreeSet<>()));
        assertThat(Flags.fromColumns(0, "")).isEqualTo(Flags.NONE);
    }

    @Test
    void keywordsAreSortedAndMatchedWithoutRegardToCase() {
        Flags flags = Flags.fromColumns(0, "Work $Forwarded");
        assertThat(List.copyOf(flags.keywords())).containsExactly("$Forwarded", "Work");
        assertThat(flags.keywords().contains("work")).isTrue();
        assertThat(flags).isEqualTo(new Flags(0, Set.of("$forwarded", "WORK")));
    }
}
