package org.courriel.mta.spam.sanity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MX's sanity checks of a client's dialogue ({@code courriel.spam.sanity.*}), each with a reply of its own
 * (docs/spam.md). None applies to an authenticated session or a client in {@code courriel.spam.dnsbl.allow-networks}.
 * Changes take effect on restart.
 *
 * @param helo         what to do with a HELO/EHLO name that claims to be this server (courriel.hostname, one of
 *                     our domains, or one of our addresses): {@code REJECT} (550 5.7.1, the default), {@code LOG}
 *                     (a log line; rspamd sees the name), {@code OFF}
 * @param senderDomain refuse MAIL FROM a domain with neither MX nor A/AAAA records (RFC 5321 §5.1): 550 5.1.8, or
 *                     450 4.1.8 while DNS fails
 * @param earlyTalkers refuse a client that sends before the greeting or ahead of a reply where PIPELINING does not
 *                     allow it (RFC 5321 §4.3.1, RFC 2920 §3.1): 554 5.5.0 and close
 */
@ConfigurationProperties("courriel.spam.sanity")
public record SanityProperties(
        @DefaultValue("REJECT") HeloPolicy helo,
        @DefaultValue("true") boolean senderDomain,
        @DefaultValue("true") boolean earlyTalkers) {

    /** What a HELO that claims to be us gets. */
    public enum HeloPolicy {
        REJECT, LOG, OFF
    }

    /** Everything off: tests and applications without the MX checks. */
    public static final SanityProperties OFF = new SanityProperties(HeloPolicy.OFF, false, false);

    /**
     * The greeting pause of the MX ({@code courriel.smtp.mx.greet-pause}): how long the server waits before its
     * 220, listening for a client that talks first. 0 (the default) greets at once and still refuses input that
     * is already there; a few seconds catch more spam software but delay every sending server as long.
     */
    @ConfigurationProperties("courriel.smtp.mx")
    public record Greeting(@DefaultValue("0s") Duration greetPause) {

        public Greeting {
            if (greetPause.isNegative() || greetPause.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new IllegalArgumentException("courriel.smtp.mx.greet-pause must be between 0 and 30s");
            }
        }
    }
}
