package org.courriel.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST API ({@code courriel.api.*}). Changes take effect on restart.
 *
 * @param maxMessageSize  largest message the API accepts to send (text, HTML and attachments once encoded)
 *                        and largest request body; beyond it the answer is 413
 * @param maxRecipients   most recipients (to, cc and bcc together) of one message sent
 * @param defaultPageSize messages (and queue entries) listed per page when the request gives no size
 * @param maxPageSize     most messages (and queue entries) one page may list
 * @param rateLimit       requests per account
 */
@ConfigurationProperties("courriel.api")
public record ApiProperties(
        @DefaultValue("25MB") DataSize maxMessageSize,
        @DefaultValue("100") int maxRecipients,
        @DefaultValue("50") int defaultPageSize,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue RateLimit rateLimit) {

    public ApiProperties {
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("courriel.api: need 1 <= default-page-size <= max-page-size");
        }
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("courriel.api.max-recipients must be at least 1");
        }
    }

    /**
     * A token bucket per account: {@code burst} requests at once, refilled at {@code perSecond}.
     *
     * @param perSecond requests per second an account may sustain; 0 turns rate limiting off
     * @param burst     requests an account may make at once after a quiet period
     */
    public record RateLimit(@DefaultValue("20") double perSecond, @DefaultValue("100") int burst) {
        public RateLimit {
            if (perSecond < 0 || burst < 1) {
                throw new IllegalArgumentException("courriel.api.rate-limit: per-second >= 0 and burst >= 1");
            }
        }
    }
}
