package org.courriel.mta;

import org.courriel.mta.smtp.testing.RecordingOutboundQueue;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The MTA with the store, as the SMTP tests start it. */
@SpringBootApplication
public class SmtpTestApplication {

    /** Primary: the real queue, when on the class path, must not relay anything from a test. */
    @Bean
    @Primary
    RecordingOutboundQueue recordingOutboundQueue() {
        return new RecordingOutboundQueue();
    }

    /**
     * Primary and named apart: the store's component scan also picks up the mailstore test-jar's
     * StoreTestApplication with its own "meterRegistry".
     */
    @Bean
    @Primary
    MeterRegistry smtpMeterRegistry() {
        return new SimpleMeterRegistry();
    }
}
