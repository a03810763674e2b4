package org.courriel.api.autoconfig;

import org.courriel.access.ServerProperties;
import org.courriel.store.account.DomainService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the autoconfiguration endpoints: their settings and the service the three formats share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientConfigProperties.class)
public class AutoconfigConfiguration {

    @Bean
    ClientSettingsService clientSettingsService(DomainService domains, ClientConfigProperties config,
            ServerProperties server) {
        return new ClientSettingsService(domains, config, server);
    }
}
