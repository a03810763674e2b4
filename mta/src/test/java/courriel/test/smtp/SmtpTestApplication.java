package courriel.test.smtp;

import org.courriel.mta.auth.dkim.OutboundSigning;
import org.courriel.mta.smtp.testing.RecordingOutboundQueue;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The SMTP server with the store and local delivery, as the SMTP tests start it. It lives outside
 * {@code org.courriel} so that no other application's component scan finds it, and scans only SMTP and
 * delivery: the outbound queue is the recording stand-in below, never a real relay.
 */
@SpringBootApplication(scanBasePackages = {"org.courriel.mta.smtp", "org.courriel.mta.delivery", "org.courriel.mta.sieve"})
@Import(OutboundSigning.class) // submission signs, as in the server
public class SmtpTestApplication {

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
