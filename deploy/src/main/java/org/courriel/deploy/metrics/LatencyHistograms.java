package org.courriel.deploy.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * The fixed service-level buckets of the latency timers, in one place, so that every installation exports
 * the same {@code le} labels and dashboards can compute percentiles with {@code histogram_quantile()}
 * (a Micrometer timer is otherwise a summary without buckets). Listed in docs/metrics.md.
 */
public final class LatencyHistograms implements MeterFilter {

    private static final List<Duration> STORE = millis(1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500);

    private static final Map<String, List<Duration>> BUCKETS = Map.of(
            "courriel.smtp.data.time", millis(10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000),
            "courriel.imap.command.time", millis(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000),
            "courriel.pop3.command.time", millis(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000),
            "courriel.queue.delivery.time", List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
                    Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12),
                    Duration.ofDays(1)),
            "courriel.store.commit", STORE,
            "courriel.store.sync", STORE,
            "http.server.requests", millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000));

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        List<Duration> buckets = BUCKETS.get(id.getName());
        if (buckets == null || id.getType() != Meter.Type.TIMER) {
            return config;
        }
        double[] nanos = buckets.stream().mapToDouble(Duration::toNanos).toArray();
        return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
    }

    /** The timers given buckets here (for tests and documentation). */
    public static Set<String> timers() {
        return BUCKETS.keySet();
    }

    private static List<Duration> millis(double... values) {
        return Arrays.stream(values).mapToObj(v -> Duration.ofNanos((long) (v * 1_000_000))).toList();
    }
}
