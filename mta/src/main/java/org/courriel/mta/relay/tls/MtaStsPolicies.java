package org.courriel.mta.relay.tls;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The MTA-STS policy of a destination domain (RFC 8461 §3, §5.1): the {@code _mta-sts} TXT record through
 * the node's {@link DnsResolver}, the policy fetched over HTTPS when its id is new, kept for its
 * {@code max_age}. The cache is per node and in memory: a policy is fetched state any node can fetch again,
 * not state the nodes must agree on, so it is not put in the store.
 */
public class MtaStsPolicies {

    private static final Logger log = LoggerFactory.getLogger(MtaStsPolicies.class);

    private record Cached(String id, MtaStsPolicy policy, Instant expires) {
    }

    private final DnsResolver dns;
    private final MtaStsFetcher fetcher;
    private final Clock clock;
    private final Cache<String, Cached> cache;
    /** Domain and id whose fetch failed lately: not fetched again before {@link #FETCH_RETRY}. */
    private final Cache<String, Boolean> failedFetches;

    /** How long a failed fetch is not tried again for the same TXT id (the worker is not held up each time). */
    static final Duration FETCH_RETRY = Duration.ofMinutes(5);

    public MtaStsPolicies(DnsResolver dns, MtaStsFetcher fetcher, int cacheSize, Clock clock) {
        this.dns = dns;
        this.fetcher = fetcher;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.failedFetches = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(FETCH_RETRY)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** The policy in force for {@code domain}; empty when it has none (or {@code mode: none}). */
    public Optional<MtaStsPolicy> policy(String domain) {
        String key = domain.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Cached cached = cache.getIfPresent(key);
        if (cached != null && !now.isBefore(cached.expires())) {
            cache.invalidate(key); // §5.1: a policy past its max_age is gone
            cached = null;
        }
        DnsAnswer<String> txt = dns.txt("_mta-sts." + key);
        Optional<MtaStsRecord> record = txt.status() == DnsAnswer.Status.FOUND
                ? MtaStsRecord.select(txt.records()) : Optional.empty();
        if (record.isEmpty() || (cached != null && cached.id().equals(record.get().id()))) {
            // §3.1, §5.1: no (or an unreadable) TXT record: a cached policy still holds until it expires
            return usable(cached);
        }
        String attempt = key + " " + record.get().id();
        if (failedFetches.getIfPresent(attempt) != null) {
            return usable(cached);
        }
        try {
            MtaStsPolicyParser.Result result = MtaStsPolicyParser.parse(fetcher.fetch(key));
            if (result instanceof MtaStsPolicyParser.Result.Valid(MtaStsPolicy policy)) {
                Cached fresh = new Cached(record.get().id(), policy, now.plus(policy.maxAge()));
                cache.put(key, fresh);
                return usable(fresh);
            }
            log.info("MTA-STS policy of {} is invalid: {}", key, ((MtaStsPolicyParser.Result.Invalid) result).reason());
        } catch (IOException e) {
            log.info("MTA-STS policy of {} cannot be fetched: {}", key, e.getMessage());
        }
        failedFetches.put(attempt, Boolean.TRUE);
        // §3.1: a TXT record without a fetchable policy: the cached one if still valid, else as if none
        return usable(cached);
    }

    private static Optional<MtaStsPolicy> usable(Cached cached) {
        if (cached == null || cached.policy().mode() == MtaStsPolicy.Mode.NONE) {
            return Optional.empty();
        }
        return Optional.of(cached.policy());
    }
}
