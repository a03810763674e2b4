package org.courriel.mta.spam.training;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Learning from the users' own classification ({@code courriel.spam.rspamd.learn.*}, docs/spam.md "Training").
 * The store reads {@code enabled} by name too (it records the classifications), so it must be the same on every
 * node; a change needs a restart.
 *
 * @param enabled        record moves into and out of Junk and the $Junk/$NotJunk keywords, and teach rspamd;
 *                       unset: on when {@code courriel.spam.rspamd.url} is set
 * @param controllerUrl  rspamd's controller worker, which takes {@code /learnspam} and {@code /learnham}
 * @param password       the controller's password, sent as its {@code Password} header; empty: none (rspamd's
 *                       {@code secure_ip} lets the address in)
 * @param perUser        send the account's address as {@code Deliver-To}, for rspamd's per-user statistics
 *                       ({@code per_user = true} in its classifier)
 * @param timeout        the most one learning request may take, connection included
 * @param connectTimeout the most connecting to the controller may take
 * @param maxAttempts    attempts before a classification is dropped (with a WARN log line)
 * @param retryInitial   the wait after the first failed attempt; each further failure doubles it
 * @param retryMax       the longest wait between attempts
 * @param pollInterval   how often the worker looks for classifications to send
 * @param batch          classifications one claim takes
 * @param lease          how long a claim is this node's before another node may take it; above batch times timeout
 * @param maxMessageSize larger messages are not sent (dropped, counted)
 */
@ConfigurationProperties("courriel.spam.rspamd.learn")
public record TrainingProperties(
        Boolean enabled,
        @DefaultValue("http://127.0.0.1:11334") String controllerUrl,
        @DefaultValue("") String password,
        @DefaultValue("false") boolean perUser,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration retryInitial,
        @DefaultValue("6h") Duration retryMax,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("10") int batch,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("20MB") DataSize maxMessageSize) {

    public TrainingProperties {
        if (maxAttempts < 1 || batch < 1) {
            throw new IllegalArgumentException("courriel.spam.rspamd.learn.max-attempts and batch must be at least 1");
        }
        if (!positive(timeout) || !positive(connectTimeout) || !positive(retryInitial) || !positive(pollInterval)
                || !positive(lease) || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("courriel.spam.rspamd.learn durations must be positive, retry-max at "
                    + "least retry-initial");
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
