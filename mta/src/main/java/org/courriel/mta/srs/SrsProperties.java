package org.courriel.mta.srs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Sender Rewriting Scheme for forwarded mail ({@code courriel.srs.*}). Changes take effect on restart.
 *
 * @param enabled whether a copy forwarded outside our domains (alias, Sieve redirect, forward rule) goes out
 *                with an SRS0 reverse-path; bounces to addresses signed earlier are accepted either way
 * @param domain  the domain of the rewritten reverse-paths; its MX must reach this server and its SPF record
 *                authorise it; empty for the server's host name ({@code courriel.hostname})
 * @param maxAge  how long a rewritten reverse-path accepts bounces (a whole number of days, at most 1000)
 */
@ConfigurationProperties("courriel.srs")
public record SrsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String domain,
        @DefaultValue("21d") Duration maxAge) {

    public SrsProperties {
        if (maxAge.toDays() < 1 || maxAge.toDays() > 1000) {
            throw new IllegalArgumentException("courriel.srs.max-age must be between 1 and 1000 days");
        }
    }

    int maxAgeDays() {
        return (int) maxAge.toDays();
    }
}
