package org.courriel.mta;

import java.net.InetAddress;

import org.courriel.mta.relay.DnsAnswer;
import org.courriel.mta.relay.DnsResolver;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The store and the MTA as their tests start them (everything under {@code org.courriel}: this module's
 * tests see no other protocol module) (the deploy module brings the real registry). DNS answers
 * "no such domain" to everything: tests route with {@code courriel.relay.routes} and never touch DNS.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "org.courriel")
@ComponentScan(basePackages = "org.courriel", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
public class MtaTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    @Primary
    DnsResolver noDns() {
        return new DnsResolver() {
            @Override
            public DnsAnswer<MxRecord> mx(String domain) {
                return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "tests have no DNS");
            }

            @Override
            public DnsAnswer<InetAddress> addresses(String host) {
                return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "tests have no DNS");
            }

            @Override
            public DnsAnswer<String> txt(String name) {
                return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "tests have no DNS");
            }
        };
    }
}
