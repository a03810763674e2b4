package org.courriel.mta.spam.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingBackoffTest {

    private final TrainingBackoff backoff = new TrainingBackoff(Duration.ofMinutes(1), Duration.ofHours(6));

    @ParameterizedTest(name = "after {0} failure(s): {1}")
    @CsvSource({"0, PT1M", "1, PT1M", "2, PT2M", "3, PT4M", "9, PT4H16M", "10, PT6H", "40, PT6H", "1000, PT6H"})
    void doublesFromTheFirstWaitUpToTheLongest(int failures, Duration wait) {
        assertThat(backoff.after(failures)).isEqualTo(wait);
    }
}
