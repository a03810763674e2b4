package org.courriel.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9394 §3.1: positions from the start or, negative, from the end of a result of five. */
class PartialRangeTest {

    private static final List<Long> RESULT = List.of(50L, 30L, 40L, 10L, 20L);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1:2|1:2|50 30",
        "2:1|1:2|50 30",
        "2:4|2:4|30 40 10",
        "4:9|4:9|10 20",
        "6:9|6:9|''",
        "-1:-1|-1:-1|20",
        "-1:-2|-1:-2|10 20",
        "-2:-1|-1:-2|10 20",
        "-3:-100|-3:-100|50 30 40",
        "-6:-9|-6:-9|''"})
    void picksThePositionsInTheResultsOrder(String text, String normalised, String expected) {
        PartialRange range = PartialRange.parse(CommandParser.of(text));
        assertThat(range.toString()).isEqualTo(normalised);
        List<Long> want = expected.isEmpty() ? List.of() : Arrays.stream(expected.split(" ")).map(Long::valueOf).toList();
        assertThat(range.of(RESULT)).isEqualTo(want);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:3", "1:0", "1:-2", "-1:2", "1", "-1", "a:b", ":3"})
    void refusesWhatTheGrammarDoesNotAllow(String text) {
        assertThatThrownBy(() -> PartialRange.parse(CommandParser.of(text))).isInstanceOf(ImapSyntaxException.class);
    }
}
