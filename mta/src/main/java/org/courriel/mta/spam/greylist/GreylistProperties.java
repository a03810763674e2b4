package org.courriel.mta.spam.greylist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Greylisting of MX mail ({@code courriel.spam.greylist.*}), off by default: mail from a client network, sender
 * and recipient never seen together is deferred ({@code 451 4.7.1}) once; a real server retries, most spam
 * software does not.
 *
 * @param enabled      greylist at all
 * @param delay        how long a new triplet must wait before its retry is accepted
 * @param retryWindow  how long after the delay a retry is still accepted; later, the wait starts again
 * @param passDuration how long a network that passed once is accepted without greylisting
 */
@ConfigurationProperties("courriel.spam.greylist")
public record GreylistProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("5m") Duration delay,
        @DefaultValue("2d") Duration retryWindow,
        @DefaultValue("35d") Duration passDuration) {

    public GreylistProperties {
        if (delay.isNegative() || retryWindow.isNegative() || retryWindow.isZero() || passDuration.isNegative()) {
            throw new IllegalArgumentException("courriel.spam.greylist durations must be positive");
        }
    }
}
