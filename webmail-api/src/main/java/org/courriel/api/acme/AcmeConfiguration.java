package org.courriel.api.acme;

import java.time.Clock;

import org.courriel.access.ListenersProperties;
import org.courriel.access.ServerProperties;
import org.courriel.access.tls.TlsProperties;
import org.courriel.store.account.DomainService;
import org.courriel.store.acme.AcmeStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * ACME renewal, present only with {@code courriel.acme.enabled=true} and running only in a server (the admin
 * command line, started with {@code courriel.listeners.enabled=false}, never orders); the challenge path is
 * always served.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AcmeProperties.class)
public class AcmeConfiguration {

    @Bean
    @ConditionalOnProperty(name = "courriel.acme.enabled", havingValue = "true")
    AcmeRenewal acmeRenewal(AcmeProperties properties, AcmeStore store, SslBundleRegistry registry,
            TlsProperties tls, ServerProperties server, DomainService domains, MeterRegistry meters,
            ListenersProperties listeners) {
        Clock clock = Clock.systemUTC();
        return new AcmeRenewal(properties, store, new AcmeOrdering(properties, store, clock),
                new CertificateInstaller(registry, tls), server, domains, meters, clock, listeners.enabled());
    }
}
