package courriel.test.sieve;

import org.courriel.mta.auth.dkim.OutboundSigning;
import org.courriel.mta.smtp.testing.RecordingOutboundQueue;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The SMTP server with local delivery, the spam defences and Sieve, so that a script sees the verdict of the
 * intake. The outbound queue is the recording stand-in. Outside {@code org.courriel}, so no other scan finds it.
 */
@SpringBootApplication(scanBasePackages = {"org.courriel.mta.smtp", "org.courriel.mta.delivery",
        "org.courriel.mta.dns", "org.courriel.mta.spam", "org.courriel.mta.sieve"})
@Import(OutboundSigning.class) // the SMTP servers want it, as in the server
public class SieveSpamTestApplication {

    @Bean
    @Primary
    RecordingOutboundQueue recordingOutboundQueue() {
        return new RecordingOutboundQueue();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
