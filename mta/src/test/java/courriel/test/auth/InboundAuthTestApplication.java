package courriel.test.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The SMTP server with local delivery, the real DNS resolver and the sender checks, as the mail-authentication
 * tests start it against a loopback DNS server. Outside {@code org.courriel}, so no other scan finds it.
 */
@SpringBootApplication(scanBasePackages = {"org.courriel.mta.smtp", "org.courriel.mta.delivery",
        "org.courriel.mta.dns", "org.courriel.mta.auth"})
public class InboundAuthTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
