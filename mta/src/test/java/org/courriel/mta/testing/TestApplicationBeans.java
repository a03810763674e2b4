package org.courriel.mta.testing;

import org.courriel.mta.dns.DnsResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The beans every module's test application adds to the store and the MTA: a simple meter registry (the deploy
 * module brings the real one) and {@link NoDns}. {@code @Import} it; it is deliberately no {@code @Configuration},
 * so that no component scan picks it up where the reactor puts these test classes on another module's path.
 */
public class TestApplicationBeans {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    @Primary
    DnsResolver noDns() {
        return new NoDns();
    }
}
