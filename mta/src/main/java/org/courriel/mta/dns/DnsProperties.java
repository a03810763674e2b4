package org.courriel.mta.dns;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one DNS resolver of the node ({@code courriel.dns.*}); read at start.
 *
 * @param servers         recursive resolvers to ask, {@code host} or {@code host:port} (port 53 by default),
 *                        tried in order; empty (the default) uses the system's ({@code /etc/resolv.conf})
 * @param timeout         the longest one question may take, every server and retry included; past it the
 *                        answer is a temporary failure (default 5s)
 * @param cacheSize       answers kept at most (default 10000); the least used go first
 * @param cacheMaxTtl     an answer is kept for its TTL, never longer than this (default 1h)
 * @param negativeTtl     how long a "no such name" or "no such record" answer is kept when the zone gives no
 *                        SOA minimum (RFC 2308 §5), never longer than {@code cacheMaxTtl} (default 5m)
 */
@ConfigurationProperties("courriel.dns")
public record DnsProperties(
        @DefaultValue List<String> servers,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("10000") int cacheSize,
        @DefaultValue("1h") Duration cacheMaxTtl,
        @DefaultValue("5m") Duration negativeTtl) {

    public DnsProperties {
        servers = servers == null ? List.of() : List.copyOf(servers);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("courriel.dns.timeout must be positive");
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("courriel.dns.cache-size must not be negative");
        }
    }

    /** Defaults, for tests and tools: the given servers. */
    public static DnsProperties of(List<String> servers, Duration timeout) {
        return new DnsProperties(servers, timeout, 10_000, Duration.ofHours(1), Duration.ofMinutes(5));
    }
}
