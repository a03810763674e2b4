package org.courriel.mta.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpamVerdictTest {

    @ParameterizedTest
    @CsvSource({"NO_ACTION, DELIVER", "GREYLIST, TEMPFAIL", "ADD_HEADER, JUNK", "REWRITE_SUBJECT, JUNK",
            "SOFT_REJECT, TEMPFAIL", "REJECT, REJECT"})
    void eachActionHasOneDecision(SpamAction action, SpamDecision decision) {
        SpamVerdict verdict = new SpamVerdict(action, 1, 15, List.of(), "", true);
        assertThat(verdict.decision(SpamProperties.Unavailable.ACCEPT)).isEqualTo(decision);
        assertThat(verdict.decision(SpamProperties.Unavailable.TEMPFAIL)).isEqualTo(decision);
    }

    @Test
    void anUnavailableFilterDecidesByThePolicyAlone() {
        SpamVerdict down = SpamVerdict.unavailable("connection refused");
        assertThat(down.decision(SpamProperties.Unavailable.ACCEPT)).isEqualTo(SpamDecision.DELIVER);
        assertThat(down.decision(SpamProperties.Unavailable.TEMPFAIL)).isEqualTo(SpamDecision.TEMPFAIL);
        assertThat(down.headerFields(false)).isEmpty();
    }

    @Test
    void headerFieldsInSpamAssassinsFormWithSymbolsThatCannotBreakTheField() {
        SpamVerdict verdict = new SpamVerdict(SpamAction.ADD_HEADER, 7.25, 15, List.of("BAYES_SPAM", "BAD\r\nX: y"), "", true);
        assertThat(verdict.headerFields(true)).isEqualTo("""
                X-Spam-Status: Yes, score=7.25 required=15.00\r
                \ttests=BAYES_SPAM,BAD__X:_y\r
                X-Spam-Score: 7.25\r
                """);
        assertThat(SpamVerdict.UNSCORED.headerFields(false)).isEmpty();
    }

    @Test
    void manySymbolsAreFoldedSoNoLineNearsTheLimit() {
        List<String> symbols = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "SYMBOL_" + "X".repeat(60) + i)
                .toList();
        String fields = new SpamVerdict(SpamAction.ADD_HEADER, 9, 15, symbols, "", true).headerFields(true);
        assertThat(fields.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThan(998))
                .hasSizeGreaterThan(6);
        assertThat(fields).contains("\r\n\tSYMBOL_").endsWith("X-Spam-Score: 9.00\r\n");
    }
}
