package org.courriel.deploy.metrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.config.MeterFilter;

/** The application-wide meter settings; Spring Boot applies every {@link MeterFilter} bean to the registry. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    MeterFilter latencyHistograms() {
        return new LatencyHistograms();
    }
}
