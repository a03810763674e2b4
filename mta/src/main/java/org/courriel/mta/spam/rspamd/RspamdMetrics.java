package org.courriel.mta.spam.rspamd;

import java.time.Duration;

import org.courriel.mta.spam.SpamVerdict;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@code courriel_spam_checks_total{result}} and {@code courriel_spam_check_seconds} (docs/metrics.md). */
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

    void scored(Timer.Sample sample, SpamVerdict verdict) {
        sample.stop(time);
        result(verdict.available() ? verdict.action().name().toLowerCase(java.util.Locale.ROOT) : "unavailable");
    }

    void skipped() {
        result("skipped");
    }

    private void result(String result) {
        Counter.builder("courriel.spam.checks").description("Messages scored by rspamd, by its action")
                .tag("result", result).register(meters).increment();
    }
}
