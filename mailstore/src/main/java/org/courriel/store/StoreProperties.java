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
 * @param minFreeSpace       new mail (deliveries, appends) is refused as temporary while the disk of the embedded
 *                           database has less free space than this; 0 turns the check off; not checked on PostgreSQL
 * @param maxVisibleShared   most mailboxes of other accounts one account lists (IMAP LIST, the REST list), those
 *                           granted to it by address before those granted to "anyone", each by age; others stay
 *                           reachable by name. Bounds what one account granting "anyone l" on many mailboxes costs
 *                           every account of its domain
 * @param compactOnStop      an embedded H2 file is compacted when the node stops (SHUTDOWN COMPACT: the live data
 *                           copied into a new, compressed file), which takes back the space H2's copy-on-write
 *                           leaves behind; a full copy at a stop, done only when live data fills less than 80 % of
 *                           the file and the disk has room for the copy; nothing on PostgreSQL
 * @param textIndex          the full-text index that answers IMAP SEARCH TEXT/BODY and the REST text filter
 */
@ConfigurationProperties("courriel.store")
public record StoreProperties(
        @DefaultValue("+") String recipientDelimiter,
        @DefaultValue("10s") Duration recipientCache,
        @DefaultValue GroupCommit groupCommit,
        @DefaultValue("16KB") DataSize maxSummaryField,
        @DefaultValue("100MB") DataSize minFreeSpace,
        @DefaultValue("1000") int maxVisibleShared,
        @DefaultValue("true") boolean compactOnStop,
        @DefaultValue TextIndex textIndex) {

    public StoreProperties {
        if (maxVisibleShared < 0) {
            throw new IllegalArgumentException("courriel.store.max-visible-shared must not be negative");
        }
        if (maxSummaryField.toBytes() < 1024 || maxSummaryField.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("courriel.store.max-summary-field must be between 1KB and 2GB");
        }
    }

    /** {@link #maxSummaryField()} in bytes. */
    public int summaryFieldLimit() {
        return (int) maxSummaryField.toBytes();
    }

    /**
     * @param enabled  whether message text is indexed: a Lucene directory beside an embedded H2 file
     *                 ({@code NAME.text-index}), trigram indexes of PostgreSQL's pg_trgm on PostgreSQL; off, every
     *                 text search reads the whole mailbox
     * @param maxChars most characters of one message's header text, and of its body text, that are indexed; a
     *                 message with more is indexed that far and its text read again by each search
     * @param batch    most messages indexed in one step (on H2 one hand-over to Lucene, which commits when the
     *                 queue is empty or {@code TextIndexer.MAX_HELD} wait; on PostgreSQL one lease)
     * @param pause    how long the indexer waits before it looks again when nothing was left to index; until a
     *                 message is indexed each search reads it, so this delays nothing a user sees
     */
    public record TextIndex(@DefaultValue("true") boolean enabled, @DefaultValue("2000000") int maxChars,
            @DefaultValue("100") int batch, @DefaultValue("1s") Duration pause) {
        public TextIndex {
            if (maxChars < 1000) {
                throw new IllegalArgumentException("courriel.store.text-index.max-chars must be at least 1000");
            }
            if (batch < 1 || batch > 1000) {
                throw new IllegalArgumentException("courriel.store.text-index.batch must be between 1 and 1000");
            }
            if (!pause.isPositive()) {
                throw new IllegalArgumentException("courriel.store.text-index.pause must be positive");
            }
        }
    }

    /**
     * @param maxBatch     most units of work (deliveries, appends, flag changes) committed in one transaction
     * @param retries      times a batch runs again after a concurrency failure (deadlock, lock timeout), and a
     *                     durability sync is tried again, before the units concerned fail as temporary
     * @param retryBackoff longest random pause before the first retry; the n-th waits up to n times as long
     * @param timeout      longest a caller waits for its batch to commit and sync; past it the caller hears a
     *                     temporary failure (should the batch still commit, a retried message is stored twice:
     *                     the lesser harm than a loss)
     */
    public record GroupCommit(@DefaultValue("256") int maxBatch, @DefaultValue("5") int retries,
            @DefaultValue("10ms") Duration retryBackoff, @DefaultValue("60s") Duration timeout) {
        public GroupCommit {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("courriel.store.group-commit.max-batch must be at least 1");
            }
            if (retries < 0) {
                throw new IllegalArgumentException("courriel.store.group-commit.retries must not be negative");
            }
            if (retryBackoff.isNegative()) {
                throw new IllegalArgumentException("courriel.store.group-commit.retry-backoff must not be negative");
            }
            if (!timeout.isPositive()) {
                throw new IllegalArgumentException("courriel.store.group-commit.timeout must be positive");
            }
        }
    }
}
