package org.courriel.sieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.courriel.sieve.SieveRuns.mailboxes;
import static org.courriel.sieve.SieveRuns.message;
import static org.courriel.sieve.SieveRuns.run;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3685 spamtest and RFC 5235 spamtestplus, with their examples, on messages the intake scored. */
class SpamTestTest {

    // RFC 3685 §4's example.
    private static final String SPAMTEST = """
            require ["spamtest", "fileinto", "relational", "comparator-i;ascii-numeric"];
            if spamtest :value "eq" :comparator "i;ascii-numeric" "0" { fileinto "INBOX.unclassified"; }
            elsif spamtest :value "ge" :comparator "i;ascii-numeric" "3" { fileinto "INBOX.spam-trap"; }
            """;

    // RFC 5235 §5's example.
    private static final String SPAMTESTPLUS = """
            require ["spamtestplus", "fileinto", "relational", "comparator-i;ascii-numeric"];
            if spamtest :value "eq" :comparator "i;ascii-numeric" "0" { fileinto "INBOX.unclassified"; }
            elsif spamtest :percent :value "eq" :comparator "i;ascii-numeric" "0" { fileinto "INBOX.not-spam"; }
            elsif spamtest :percent :value "lt" :comparator "i;ascii-numeric" "37" { fileinto "INBOX.spam-trap"; }
            else { fileinto "INBOX.spam"; }
            """;

    private static SieveMessage scored(String status) {
        String verdict = status.isEmpty() ? "" : "X-Spam-Status: " + status + "\n";
        return message(verdict + "Received: from a by b; Sat, 30 Jun 2007 23:59:10 +0000\n"
                + "From: a@example.net\n\nbody\n");
    }

    private static List<String> filed(String script, SieveMessage m) throws SieveSyntaxException {
        return mailboxes(run(script, m));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|INBOX.unclassified|INBOX.unclassified",
        "No, score=-1.00 required=15.00|INBOX|INBOX.not-spam",
        "No, score=0.10 required=15.00|INBOX|INBOX.spam-trap",
        "No, score=4.00 required=15.00|INBOX.spam-trap|INBOX.spam-trap",
        "No, score=6.00 required=15.00|INBOX.spam-trap|INBOX.spam",
        "Yes, score=20.00 required=15.00\ttests=BAYES_99|INBOX.spam-trap|INBOX.spam",
    })
    void examplesOfBothRfcs(String status, String spamtest, String spamtestplus) throws Exception {
        SieveMessage m = scored(status == null ? "" : status);
        assertThat(filed(SPAMTEST, m)).containsExactly(spamtest);
        assertThat(filed(SPAMTESTPLUS, m)).containsExactly(spamtestplus);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-3|15|1|0", "0|15|1|0", "0.1|15|2|1", "7.5|15|6|50", "14.9|15|9|99", "15|15|10|100", "40|15|10|100",
        "1|0|10|100",
    })
    void mapsTheScoreOntoOneToTen(double score, double required, int value, int percent) {
        assertThat(new SpamScore(score, required).value()).isEqualTo(value);
        assertThat(new SpamScore(score, required).percent()).isEqualTo(percent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "require [\"spamtestplus\", \"relational\"]; if spamtest :percent :count \"eq\" \"0\" { discard; }",
        "require \"spamtest\"; if spamtest \"0\" { discard; }",
    })
    void notTestedIsZeroOrNoPercent(String script) throws Exception {
        assertThat(run(script, scored(""))).isEmpty();
        assertThat(run(script, scored("No, score=0.00 required=5.00"))).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void aVerdictBelowAReceivedFieldCameWithTheMessage() throws Exception {
        SieveMessage forged = message("Received: from a by b; Sat, 30 Jun 2007 23:59:10 +0000\n"
                + "X-Spam-Status: No, score=-50.00 required=15.00\n\nbody\n");
        assertThat(filed(SPAMTEST, forged)).containsExactly("INBOX.unclassified");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "if spamtest \"1\" { keep; }|missing require \"spamtest\"",
        "require \"spamtest\"; if spamtest :percent \"1\" { keep; }|missing require \"spamtestplus\"",
    })
    void refusesWithoutRequire(String script, String message) {
        assertThatThrownBy(() -> SieveScript.compile(script)).isInstanceOf(SieveSyntaxException.class)
                .hasMessageContaining(message);
    }
}
