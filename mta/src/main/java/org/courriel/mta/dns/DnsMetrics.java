package org.courriel.mta.dns;

import java.util.Locale;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The resolver's meters: questions by record type, answer and whether the cache answered, and the cache size. */
final class DnsMetrics {

    private final MeterRegistry registry;

    DnsMetrics(MeterRegistry registry, LongSupplier cacheEntries) {
        this.registry = registry;
        if (registry != null) {
            Gauge.builder("courriel.dns.cache.entries", cacheEntries::getAsLong)
                    .description("DNS answers held in the resolver's cache").register(registry);
        }
    }

    void answered(String type, DnsAnswer.Status status, boolean cached) {
        if (registry == null) {
            return;
        }
        Counter.builder("courriel.dns.lookups").tag("type", type)
                .tag("result", status.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .tag("cached", Boolean.toString(cached))
                .description("DNS questions answered, by record type, answer and whether the cache answered")
                .register(registry).increment();
    }
}
