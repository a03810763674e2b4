package org.courriel.mta.spam;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of spam scoring ({@code courriel.spam.*}). Off unless {@code courriel.spam.rspamd.url} is set.
 *
 * @param rspamd     the rspamd filter
 * @param addHeaders add X-Spam-Status and X-Spam-Score to delivered scored mail
 * @param outbound   scoring of what authenticated senders send (submission, the REST send endpoint)
 */
@ConfigurationProperties("courriel.spam")
public record SpamProperties(
        @DefaultValue Rspamd rspamd,
        @DefaultValue("true") boolean addHeaders,
        @DefaultValue Outbound outbound) {

    /**
     * Outbound scoring ({@code courriel.spam.outbound.*}): when rspamd is configured, an authenticated sender's
     * message is scored too, with {@code User: <account>}, before it is stored or queued.
     *
     * @param enabled  score outbound mail when {@code courriel.spam.rspamd.url} is set
     * @param refuseAt the weakest rspamd action that refuses an outbound message: {@code REJECT} (the default:
     *                 {@code add header} is still sent, logged and counted, since the sender is one of our own
     *                 accounts and a false positive would stop a colleague's mail) or {@code ADD_HEADER} (refuse
     *                 that too, for sites that prefer a refused message to any spam leaving)
     */
    public record Outbound(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("REJECT") RefuseAt refuseAt) {

        /** The weakest action that refuses an outbound message. */
        public enum RefuseAt {
            /** rspamd's {@code reject} alone. */
            REJECT,
            /** {@code add header} and {@code rewrite subject} as well. */
            ADD_HEADER
        }
    }

    /** What the intake does when the filter cannot be asked (down, slow, or answering garbage). */
    public enum Unavailable {
        /** Deliver unscored, and count it (courriel_spam_checks_total{result="unavailable"}). */
        ACCEPT,
        /** Answer 451 4.7.1: the sender's server tries again later. */
        TEMPFAIL
    }

    /**
     * @param url              rspamd's normal worker, e.g. {@code http://127.0.0.1:11333}; empty: no scoring
     * @param timeout          the most one scoring may take, connection included, before the message is treated as
     *                         unscored; the SMTP client waits at most this long for its reply
     * @param connectTimeout   the most connecting to rspamd may take
     * @param whenUnavailable  ACCEPT or TEMPFAIL when rspamd cannot be asked
     * @param maxMessageSize   larger messages are not sent to rspamd (delivered unscored, counted as skipped)
     * @param maxReplySize     the largest reply read from rspamd
     */
    public record Rspamd(
            @DefaultValue("") String url,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("ACCEPT") Unavailable whenUnavailable,
            @DefaultValue("20MB") DataSize maxMessageSize,
            @DefaultValue("1MB") DataSize maxReplySize) {

        public Rspamd {
            if (timeout.isNegative() || timeout.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("courriel.spam.rspamd timeouts must be positive");
            }
        }

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }
}
