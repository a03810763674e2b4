package org.courriel.mta.sieve;

import java.util.Locale;

import org.courriel.sieve.SieveAction;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/** Sieve counters; docs/metrics.md lists them. */
@Component
public class SieveMetrics {

    private final MeterRegistry registry;

    SieveMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** courriel.sieve.runs{outcome=ok|failed}. */
    void ran(String outcome) {
        registry.counter("courriel.sieve.runs", "outcome", outcome).increment();
    }

    /** courriel.sieve.actions{action=keep|fileinto|redirect|reject|vacation}. */
    void action(SieveAction action) {
        registry.counter("courriel.sieve.actions", "action",
                action.getClass().getSimpleName().toLowerCase(Locale.ROOT)).increment();
    }

    /** courriel.sieve.redirect.loops: redirects not sent because the message had passed this account. */
    void loop() {
        registry.counter("courriel.sieve.redirect.loops").increment();
    }

    /** courriel.sieve.vacation{result=sent|suppressed}. */
    void vacation(String result) {
        registry.counter("courriel.sieve.vacation", "result", result).increment();
    }
}
