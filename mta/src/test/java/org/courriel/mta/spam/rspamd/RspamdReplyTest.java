package org.courriel.mta.spam.rspamd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.courriel.mta.spam.SpamAction;
import org.courriel.mta.spam.SpamVerdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RspamdReplyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            no action       | NO_ACTION
            greylist        | GREYLIST
            add header      | ADD_HEADER
            rewrite subject | REWRITE_SUBJECT
            soft reject     | SOFT_REJECT
            reject          | REJECT
            Reject          | REJECT
            discard         | NO_ACTION
            """)
    void readsEveryActionAndTakesAnUnknownOneForNoAction(String wire, SpamAction expected) {
        SpamVerdict verdict = RspamdReply.parse(("{\"action\":\"" + wire + "\",\"score\":1.5,\"required_score\":15}")
                .getBytes(UTF_8));
        assertThat(verdict.action()).isEqualTo(expected);
        assertThat(verdict.score()).isEqualTo(1.5);
        assertThat(verdict.requiredScore()).isEqualTo(15.0);
        assertThat(verdict.available()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void readsSymbolsSortedAndTheTextForTheSender() {
        SpamVerdict verdict = RspamdReply.parse("""
                {"is_skipped":false,"score":16.2,"required_score":15.0,"action":"reject",
                 "symbols":{"GTUBE":{"name":"GTUBE","score":0.0},"BAYES_SPAM":{"name":"BAYES_SPAM","score":5.1}},
                 "messages":{"smtp_message":"Gtube pattern"},"message-id":"undef"}
                """.getBytes(UTF_8));
        assertThat(verdict.symbols()).containsExactly("BAYES_SPAM", "GTUBE");
        assertThat(verdict.reason()).isEqualTo("Gtube pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>502 Bad Gateway</html>", "[]", "{}", "{\"action\":\"reject\"}",
            "{\"action\":\"reject\",\"score\":\"high\"}", "{\"score\":3}"})
    void refusesWhatIsNotRspamdsReply(String body) {
        assertThatThrownBy(() -> RspamdReply.parse(body.getBytes(UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }
}
