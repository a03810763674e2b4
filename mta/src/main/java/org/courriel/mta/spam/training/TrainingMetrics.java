package org.courriel.mta.spam.training;

import java.util.Locale;

import org.courriel.store.training.TrainingVerdict;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code courriel_spam_training_total{verdict,result}} (docs/metrics.md). */
final class TrainingMetrics {

    /** What became of one attempt to teach rspamd. */
    enum Result {
        /** rspamd learned it. */
        LEARNED,
        /** rspamd had learned it as this class before. */
        ALREADY_LEARNED,
        /** it failed and is tried again later. */
        RETRIED,
        /** given up: too many attempts, too large, or its account is gone. */
        DROPPED
    }

    private final MeterRegistry meters;

    TrainingMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(TrainingVerdict verdict, Result result) {
        Counter.builder("courriel.spam.training").description("Users' Junk classifications sent to rspamd, by outcome")
                .tag("verdict", verdict.name().toLowerCase(Locale.ROOT))
                .tag("result", result.name().toLowerCase(Locale.ROOT))
                .register(meters).increment();
    }
}
