package org.courriel.access;

import java.time.Duration;

import org.courriel.access.auth.AuthProperties;
import org.courriel.access.tls.TlsContext;
import org.courriel.access.tls.TlsProperties;
import org.courriel.store.lifecycle.ShutdownDeadline;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires TLS, login throttling and the shutdown grace for the protocol servers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ServerProperties.class, ListenersProperties.class, TlsProperties.class,
        AuthProperties.class})
public class AccessConfiguration {

    /** What a listener needs past the grace to close the connections left and return. */
    private static final Duration PHASE_MARGIN = Duration.ofSeconds(5);

    /**
     * The grace of the whole shutdown. Spring gives each lifecycle phase {@code
     * spring.lifecycle.timeout-per-shutdown-phase} before it moves on; a shorter one than the grace would stop
     * the store under sessions still finishing, so it is refused at startup.
     */
    @Bean
    ShutdownDeadline shutdownDeadline(ListenersProperties listeners, Environment environment) {
        Duration perPhase = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class,
                Duration.ofSeconds(30));
        if (perPhase.compareTo(listeners.shutdownGrace().plus(PHASE_MARGIN)) < 0) {
            throw new IllegalStateException("spring.lifecycle.timeout-per-shutdown-phase (" + perPhase
                    + ") must exceed courriel.listeners.shutdown-grace (" + listeners.shutdownGrace() + ") by "
                    + PHASE_MARGIN);
        }
        return new ShutdownDeadline(listeners.shutdownGrace());
    }

    @Bean
    TlsContext tlsContext(SslBundles bundles, TlsProperties properties) {
        return new TlsContext(bundles, properties);
    }
}
