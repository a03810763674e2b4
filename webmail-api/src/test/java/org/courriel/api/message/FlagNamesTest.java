package org.courriel.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.courriel.api.problem.ApiException;
import org.courriel.store.message.SystemFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagNamesTest {

    @Test
    void systemFlagsInAnyCaseAndKeywordsAreAccepted() {
        var flags = FlagNames.parse(List.of("\\seen", "\\Flagged", "$Label1", "NonJunk"), "add");
        assertThat(flags.has(SystemFlag.SEEN)).isTrue();
        assertThat(flags.has(SystemFlag.FLAGGED)).isTrue();
        assertThat(flags.keywords()).containsExactlyInAnyOrder("$Label1", "NonJunk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\\Recent", "\\Whatever", "two words", "par(en", "brace{", "quote\"", "star*",
            "percent%", "bracket]", "caf\u00e9"})
    void otherNamesAreRefusedNamingTheirIndex(String bad) {
        assertThatThrownBy(() -> FlagNames.parse(List.of("\\Seen", bad), "remove"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("remove[1]"));
    }
}
