package org.courriel.access;

import org.courriel.access.auth.AuthProperties;
import org.courriel.access.tls.TlsContext;
import org.courriel.access.tls.TlsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires TLS and login throttling for the protocol servers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ServerProperties.class, ListenersProperties.class, TlsProperties.class,
        AuthProperties.class})
public class AccessConfiguration {

    @Bean
    TlsContext tlsContext(SslBundles bundles, TlsProperties properties) {
        return new TlsContext(bundles, properties);
    }
}
