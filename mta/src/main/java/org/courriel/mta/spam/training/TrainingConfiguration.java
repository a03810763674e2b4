package org.courriel.mta.spam.training;

import java.time.Clock;

import org.courriel.store.lifecycle.ShutdownDeadline;
import org.courriel.store.training.TrainingOutbox;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Conditional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Starts the spam training worker on every node where learning is on (the store's {@link TrainingOutbox} says:
 * {@code courriel.spam.rspamd.learn.enabled}, by default when {@code courriel.spam.rspamd.url} is set).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrainingProperties.class)
public class TrainingConfiguration {

    @Bean
    @Conditional(LearningEnabled.class)
    TrainingWorker trainingWorker(TrainingOutbox outbox, TrainingProperties settings, MeterRegistry meters,
            ShutdownDeadline deadline) {
        return new TrainingWorker(outbox, new RspamdLearner(settings), settings, new TrainingMetrics(meters),
                Clock.systemUTC(), deadline);
    }
}
