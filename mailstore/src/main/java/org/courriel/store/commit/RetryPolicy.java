package org.courriel.store.commit;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the group committer meets a failure that may pass (a deadlock, a lock timeout, a failed sync): up to
 * {@code retries} tries more, each after a short random pause, so that nodes meeting on the same rows do not
 * collide again.
 *
 * @param retries tries after the first
 * @param backoff the bound of the first pause; the n-th pause is random up to n times this
 */
record RetryPolicy(int retries, Duration backoff) {

    /** Whether the {@code failures}-th failure in a row may be tried again. */
    boolean allows(int failures) {
        return failures <= retries;
    }

    /** Sleeps before the try that follows the {@code failures}-th failure. */
    void pause(int failures) {
        long bound = backoff.toNanos() * failures;
        if (bound <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
