package org.courriel.mta.spam.rspamd;

import java.time.Duration;

import org.courriel.mta.spam.SpamVerdict;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@code courriel_spam_checks_total{result,direction}} and {@code courriel_spam_check_seconds} (docs/metrics.md). */
final class RspamdMetrics {

    private final MeterRegistry meters;
    private final Timer time;

    RspamdMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.time = Timer.builder("courriel.spam.check.time").description("Time rspamd took to score a message")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(meters);
    }

    /** @param direction {@code inbound} (MX) or {@code outbound} (an authenticated sender's) */
    void scored(Timer.Sample sample, SpamVerdict verdict, String direction) {
        sample.stop(time);
        result(verdict.available() ? verdict.action().name().toLowerCase(java.util.Locale.ROOT) : "unavailable",
                direction);
    }

    void skipped(String direction) {
        result("skipped", direction);
    }

    private void result(String result, String direction) {
        Counter.builder("courriel.spam.checks").description("Messages scored by rspamd, by its action and direction")
                .tag("result", result).tag("direction", direction).register(meters).increment();
    }
}
