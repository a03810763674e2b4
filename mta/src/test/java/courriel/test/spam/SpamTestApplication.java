package courriel.test.spam;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The SMTP server with local delivery, the real DNS resolver, the sender checks, the spam defences and the send
 * limits, as the spam tests start it. Outside {@code org.courriel}, so no other scan finds it.
 */
@SpringBootApplication(scanBasePackages = {"org.courriel.mta.smtp", "org.courriel.mta.delivery",
        "org.courriel.mta.dns", "org.courriel.mta.auth", "org.courriel.mta.spam", "org.courriel.mta.limit"})
public class SpamTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
