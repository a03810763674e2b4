package org.courriel.mta.sieve;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Sieve scripts run at delivery ({@code courriel.sieve.execution.*}). Changes take effect on restart.
 *
 * @param maxRunTime        longest one run of a script may take; past it the message is kept in INBOX
 * @param maxActions        most actions (keep, fileinto, redirect, reject, vacation) one run may take
 * @param maxRedirects      most redirects one run may take (also ManageSieve's MAXREDIRECTS)
 * @param vacationMinPeriod shortest period between two vacation responses to one sender; a script's
 *                          shorter :days or :seconds is raised to it (RFC 5230 §4.1, RFC 6131 §2)
 * @param vacationMaxPeriod longest such period; a longer one is lowered to it
 * @param maxVariables      most variables one run may set (RFC 5229); more is a run-time error (INBOX)
 * @param maxVariableSize   most characters a variable holds or a string expands to; longer values are cut
 * @param duplicateDefaultPeriod how long the duplicate test remembers an identifier without :seconds (RFC 7352)
 * @param duplicateMaxPeriod     the longest it remembers one; a longer :seconds is lowered to it
 */
@ConfigurationProperties("courriel.sieve.execution")
public record SieveProperties(
        @DefaultValue("1s") Duration maxRunTime,
        @DefaultValue("32") int maxActions,
        @DefaultValue("" + org.courriel.sieve.SieveLimits.DEFAULT_MAX_REDIRECTS) int maxRedirects,
        @DefaultValue("1h") Duration vacationMinPeriod,
        @DefaultValue("90d") Duration vacationMaxPeriod,
        @DefaultValue("" + org.courriel.sieve.SieveLimits.DEFAULT_MAX_VARIABLES) int maxVariables,
        @DefaultValue("" + org.courriel.sieve.SieveLimits.DEFAULT_MAX_VARIABLE_SIZE) int maxVariableSize,
        @DefaultValue("7d") Duration duplicateDefaultPeriod,
        @DefaultValue("30d") Duration duplicateMaxPeriod) {

    public SieveProperties {
        if (!maxRunTime.isPositive()) {
            throw new IllegalArgumentException("courriel.sieve.execution.max-run-time must be positive");
        }
        if (maxActions < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException("courriel.sieve.execution.max-actions must be at least 1"
                    + " and max-redirects not negative");
        }
        if (maxVariables < 1 || maxVariableSize < 1) {
            throw new IllegalArgumentException("courriel.sieve.execution.max-variables and max-variable-size"
                    + " must be at least 1");
        }
        if (!duplicateDefaultPeriod.isPositive() || duplicateMaxPeriod.compareTo(duplicateDefaultPeriod) < 0) {
            throw new IllegalArgumentException("courriel.sieve.execution.duplicate-default-period must be positive"
                    + " and at most duplicate-max-period");
        }
        if (vacationMinPeriod.isNegative() || vacationMaxPeriod.compareTo(vacationMinPeriod) < 0) {
            throw new IllegalArgumentException(
                    "courriel.sieve.execution.vacation-min-period must be between 0 and vacation-max-period");
        }
    }

    /** RFC 7352 §3.3: a script's :seconds (null: the default) within the site's maximum. */
    Duration duplicatePeriod(Duration requested) {
        if (requested == null) {
            return duplicateDefaultPeriod;
        }
        return requested.compareTo(duplicateMaxPeriod) > 0 ? duplicateMaxPeriod : requested;
    }

    org.courriel.sieve.SieveLimits limits() {
        return new org.courriel.sieve.SieveLimits(maxActions, maxRedirects, maxRunTime, maxVariables,
                maxVariableSize);
    }
}
