package org.courriel.mta.auth;

import java.time.Clock;

import org.courriel.access.ServerProperties;
import org.courriel.mta.auth.arc.ArcForwardSealing;
import org.courriel.mta.auth.arc.ArcProperties;
import org.courriel.mta.auth.dmarc.DmarcProperties;
import org.courriel.mta.delivery.ForwardSealing;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.store.dkim.DkimKeyService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** The MX's sender checks, with the authserv-id {@code courriel.hostname}, and ARC sealing of forwarded mail. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({InboundAuthProperties.class, DmarcProperties.class, ArcProperties.class})
public class InboundAuthConfiguration {

    @Bean
    InboundAuthenticator inboundAuthenticator(DnsResolver dns, InboundAuthProperties properties,
            DmarcProperties dmarc, ArcProperties arc, ServerProperties server, ObjectProvider<MeterRegistry> meters) {
        return new InboundAuthenticator(dns, properties, dmarc, arc, server.hostname(), Clock.systemUTC(),
                meters.getIfAvailable());
    }

    /** ARC sealing of mail an alias forwards outside (courriel.auth.arc.seal). */
    @Bean
    ForwardSealing arcForwardSealing(ArcProperties arc, ObjectProvider<DkimKeyService> keys, ServerProperties server) {
        DkimKeyService service = keys.getIfAvailable();
        return arc.seal() && service != null ? new ArcForwardSealing(service, server.hostname(), Clock.systemUTC())
                : ForwardSealing.NONE;
    }
}
