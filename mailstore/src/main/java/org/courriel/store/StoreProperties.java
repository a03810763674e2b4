package org.courriel.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the mail store ({@code courriel.store.*}). Changes take effect on restart.
 *
 * @param recipientDelimiter separator of sub-addresses: mail to {@code bob+lists@example.org} goes to
 *                           {@code bob@example.org}; empty turns sub-addressing off
 * @param recipientCache     how long an answer of recipient resolution is reused; changes made on this node
 *                           take effect at once, changes made on another node after at most this; 0 turns it off
 * @param groupCommit        how writes of concurrent sessions are committed together
 * @param maxSummaryField    longest value of one header field copied into a message's summary (ENVELOPE,
 *                           BODYSTRUCTURE, sort fields) when it is stored; the message bytes are kept whole
 */
@ConfigurationProperties("courriel.store")
public record StoreProperties(
        @DefaultValue("+") String recipientDelimiter,
        @DefaultValue("10s") Duration recipientCache,
        @DefaultValue GroupCommit groupCommit,
        @DefaultValue("16KB") DataSize maxSummaryField) {

    public StoreProperties {
        if (maxSummaryField.toBytes() < 1024 || maxSummaryField.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("courriel.store.max-summary-field must be between 1KB and 2GB");
        }
    }

    /** {@link #maxSummaryField()} in bytes. */
    public int summaryFieldLimit() {
        return (int) maxSummaryField.toBytes();
    }

    /**
     * @param maxBatch most units of work (deliveries, appends, flag changes) committed in one transaction
     */
    public record GroupCommit(@DefaultValue("256") int maxBatch) {
        public GroupCommit {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("courriel.store.group-commit.max-batch must be at least 1");
            }
        }
    }
}
