package org.courriel.mta.queue;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbound queue ({@code courriel.queue.*}). Changes take effect on restart.
 *
 * @param workers             run delivery workers on this node (false: this node only queues; another delivers)
 * @param nodeId              this node's name in claims and attempt history; empty: host name and a random suffix
 * @param maxConnections      most destinations delivered to at once by this node (one connection each; a virtual
 *                            thread each, so as many as Postfix's 100 SMTP clients cost little)
 * @param claimBatch          most recipients claimed in one go; a domain's recipients of one claim go over one
 *                            connection, so a larger claim reuses connections more (its lease is extended while
 *                            it makes progress)
 * @param pollInterval        how often idle workers look for due work (new mail on this node wakes them at once)
 * @param lease               how long a claim holds; a crashed node's claims are taken over after it
 * @param retry               the retry schedule
 * @param delayNotice         send a "delayed" DSN once a recipient has waited this long (RFC 3464); 0: never
 * @param maxReceivedHops     a message with more Received fields fails as a loop (RFC 5321 §6.3)
 * @param retention           how long finished entries stay visible to operators before they are purged
 */
@ConfigurationProperties("courriel.queue")
public record QueueProperties(
        @DefaultValue("true") boolean workers,
        @DefaultValue("") String nodeId,
        @DefaultValue("100") int maxConnections,
        @DefaultValue("1000") int claimBatch,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("15m") Duration lease,
        @DefaultValue Retry retry,
        @DefaultValue("0s") Duration delayNotice,
        @DefaultValue("50") int maxReceivedHops,
        @DefaultValue("7d") Duration retention) {

    public QueueProperties {
        if (maxConnections < 1 || claimBatch < 1 || maxReceivedHops < 1) {
            throw new IllegalArgumentException("courriel.queue limits must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("courriel.queue.poll-interval must be positive and lease at least 1s");
        }
    }

    /**
     * @param intervals   waits after the first, second, ... failed attempt; the last one repeats
     * @param expireAfter a recipient still not delivered this long after queuing fails and is bounced
     */
    public record Retry(
            @DefaultValue({"5m", "10m", "30m"}) List<Duration> intervals,
            @DefaultValue("5d") Duration expireAfter) {

        public Retry {
            intervals = List.copyOf(intervals);
            if (intervals.isEmpty() || intervals.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("courriel.queue.retry.intervals must be positive durations");
            }
        }
    }
}
