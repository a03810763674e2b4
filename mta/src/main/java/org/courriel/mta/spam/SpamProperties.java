package org.courriel.mta.spam;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of spam scoring ({@code courriel.spam.*}). Off unless {@code courriel.spam.rspamd.url} is set.
 *
 * @param rspamd     the rspamd filter
 * @param junkFolder the folder scored spam is delivered to (created when missing), also the folder whose moves
 *                   teach the filter
 * @param addHeaders add X-Spam-Status and X-Spam-Score to delivered scored mail
 */
@ConfigurationProperties("courriel.spam")
public record SpamProperties(
        @DefaultValue Rspamd rspamd,
        @DefaultValue("Junk") String junkFolder,
        @DefaultValue("true") boolean addHeaders) {

    /** What the intake does when the filter cannot be asked (down, slow, or answering garbage). */
    public enum Unavailable {
        /** Deliver unscored, and count it (courriel_spam_checks_total{result="unavailable"}). */
        ACCEPT,
        /** Answer 451 4.7.1: the sender's server tries again later. */
        TEMPFAIL
    }

    /**
     * @param url              rspamd's normal worker, e.g. {@code http://127.0.0.1:11333}; empty: no scoring
     * @param controllerUrl    rspamd's controller worker for learning, e.g. {@code http://127.0.0.1:11334}; empty: no learning
     * @param password         the controller's password, sent as the {@code Password} header; empty: none (rspamd
     *                         trusts loopback by its {@code secure_ip} default)
     * @param timeout          the most one scoring may take, connection included, before the message is treated as
     *                         unscored; the SMTP client waits at most this long for its reply
     * @param connectTimeout   the most connecting to rspamd may take
     * @param whenUnavailable  ACCEPT or TEMPFAIL when rspamd cannot be asked
     * @param maxMessageSize   larger messages are not sent to rspamd (delivered unscored, counted as skipped)
     * @param maxReplySize     the largest reply read from rspamd
     * @param learnQueue       most learning requests waiting to be sent; more are dropped and counted
     * @param learnAttempts    attempts of one learning request before it is dropped
     */
    public record Rspamd(
            @DefaultValue("") String url,
            @DefaultValue("") String controllerUrl,
            @DefaultValue("") String password,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("ACCEPT") Unavailable whenUnavailable,
            @DefaultValue("20MB") DataSize maxMessageSize,
            @DefaultValue("1MB") DataSize maxReplySize,
            @DefaultValue("1000") int learnQueue,
            @DefaultValue("5") int learnAttempts) {

        public Rspamd {
            if (timeout.isNegative() || timeout.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()
                    || learnQueue < 1 || learnAttempts < 1) {
                throw new IllegalArgumentException("courriel.spam.rspamd timeouts and learning bounds must be positive");
            }
        }

        public boolean enabled() {
            return url != null && !url.isBlank();
        }

        public boolean learning() {
            return controllerUrl != null && !controllerUrl.isBlank();
        }
    }
}
