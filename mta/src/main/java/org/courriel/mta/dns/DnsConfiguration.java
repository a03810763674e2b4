package org.courriel.mta.dns;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** The node's one {@link DnsResolver}; a test may replace it with its own bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DnsProperties.class)
public class DnsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DnsResolver dnsResolver(DnsProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new DnsjavaResolver(properties, meters.getIfAvailable());
    }
}
