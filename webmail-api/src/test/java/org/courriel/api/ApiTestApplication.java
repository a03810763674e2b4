package org.courriel.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.queue.OutboundQueue;
import org.courriel.store.commit.StoreTransaction;
import org.courriel.store.content.MessageContent;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The store, local delivery and the API, as the API's tests start them (the deploy module brings the real
 * registry and the real outbound queue).
 */
@SpringBootConfiguration
// as the deploy module should: the API authenticates accounts itself, Boot's in-memory user is not wanted
@EnableAutoConfiguration(exclude = UserDetailsServiceAutoConfiguration.class)
@AutoConfigurationPackage(basePackages = "org.courriel")
// other modules' test applications (the reactor puts their test classes on this classpath) stay out
@ComponentScan(basePackages = "org.courriel",
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
public class ApiTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** Records what is handed to the queue, in the delivering transaction. */
    @Bean
    @Primary
    RecordingOutboundQueue recordingOutboundQueue() {
        return new RecordingOutboundQueue();
    }

    /** A hand-off to relay as the API's tests see it. */
    public record Queued(MailEnvelope envelope, List<EnvelopeRecipient> recipients, byte[] message) {
    }

    /** An outbound queue that only remembers. */
    public static final class RecordingOutboundQueue implements OutboundQueue {
        public final List<Queued> queued = new CopyOnWriteArrayList<>();

        @Override
        public void enqueue(StoreTransaction tx, MessageContent content, MailEnvelope envelope,
                List<EnvelopeRecipient> remoteRecipients) {
            queued.add(new Queued(envelope, List.copyOf(remoteRecipients), content.bytes()));
        }
    }
}
