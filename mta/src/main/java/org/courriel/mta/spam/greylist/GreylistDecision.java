package org.courriel.mta.spam.greylist;

import java.time.Duration;

/** Whether a message passes greylisting now. */
public sealed interface GreylistDecision {

    record Pass() implements GreylistDecision {
    }

    /** Try again after {@code retryAfter}: {@code 451 4.7.1}. */
    record Defer(Duration retryAfter) implements GreylistDecision {
    }
}
