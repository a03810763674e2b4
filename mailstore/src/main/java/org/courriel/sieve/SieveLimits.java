package org.courriel.sieve;

import java.time.Duration;

/**
 * Bounds on one run of a script (RFC 5228 §2.10.6 lets an implementation limit actions).
 *
 * @param maxActions   most actions (keep, fileinto, redirect, reject, vacation) one run may ask for
 * @param maxRedirects most redirects one run may ask for
 * @param maxRunTime   longest one run may take
 */
public record SieveLimits(int maxActions, int maxRedirects, Duration maxRunTime) {

    /** The default of {@code courriel.sieve.execution.max-redirects}, which ManageSieve advertises too. */
    public static final int DEFAULT_MAX_REDIRECTS = 4;
}
