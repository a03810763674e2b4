package org.courriel.mta.spam.training;

import java.time.Duration;

/** The wait before the next attempt to teach rspamd: the one function of the backoff (doubling, capped). */
final class TrainingBackoff {

    private final Duration initial;
    private final Duration max;

    TrainingBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** @param failures the failed attempts so far, the one that just failed included (1 or more) */
    Duration after(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
