package org.courriel.sieve;

import java.time.Duration;

/**
 * Bounds on one run of a script (RFC 5228 §2.10.6 lets an implementation limit actions; RFC 5229 §6 lets it
 * limit variables).
 *
 * @param maxActions      most actions (keep, fileinto, redirect, reject, vacation) one run may ask for
 * @param maxRedirects    most redirects one run may ask for
 * @param maxRunTime      longest one run may take
 * @param maxVariables    most variables one run may set (match variables not counted)
 * @param maxVariableSize most characters a variable holds, and a string becomes after expansion; longer
 *                        values are cut there (RFC 5229 §3: an implementation may truncate)
 */
public record SieveLimits(int maxActions, int maxRedirects, Duration maxRunTime, int maxVariables,
        int maxVariableSize) {

    /** The default of {@code courriel.sieve.execution.max-redirects}, which ManageSieve advertises too. */
    public static final int DEFAULT_MAX_REDIRECTS = 4;

    /** RFC 5229 §6 asks for at least 128 variables and 4000 characters of value. */
    public static final int DEFAULT_MAX_VARIABLES = 128;
    public static final int DEFAULT_MAX_VARIABLE_SIZE = 4000;

    public SieveLimits(int maxActions, int maxRedirects, Duration maxRunTime) {
        this(maxActions, maxRedirects, maxRunTime, DEFAULT_MAX_VARIABLES, DEFAULT_MAX_VARIABLE_SIZE);
    }
}
