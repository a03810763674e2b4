package org.courriel.mta.spam.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LearnOutcomeTest {

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "200 | LEARNED         | {\"success\":true}",
        "208 | ALREADY_LEARNED | {\"error\":\"<a@b> has been already learned as spam, ignore it\"}",
        "403 | FAILED          | {\"error\":\"Unauthorized\"}",
        "500 | FAILED          | ''",
        "404 | FAILED          | {\"error\":\"404 Not Found\"}"})
    void readsTheControllersStatus(int status, LearnOutcome.Kind kind, String body) {
        LearnOutcome outcome = LearnOutcome.of(status, body);
        assertThat(outcome.kind()).isEqualTo(kind);
        if (kind == LearnOutcome.Kind.FAILED) {
            assertThat(outcome.detail()).startsWith("rspamd answered HTTP " + status);
        }
    }
}
