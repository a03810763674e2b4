package org.courriel.mta.relay.tls;

import java.security.NoSuchAlgorithmException;
import java.time.Clock;

import javax.net.ssl.SSLContext;

import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.mta.dns.DnssecResolver;
import org.courriel.mta.relay.TlsPolicies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires DANE and MTA-STS into MX routing as the relay's {@link TlsPolicies}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OutboundTlsProperties.MtaSts.class, OutboundTlsProperties.Dane.class})
public class OutboundTlsConfiguration {

    /** The policy fetcher over the JDK's trust store; a test gives its own (its trust, its port). */
    @Bean
    @ConditionalOnMissingBean
    MtaStsFetcher mtaStsFetcher(OutboundTlsProperties.MtaSts properties) throws NoSuchAlgorithmException {
        return new MtaStsFetcher(SSLContext.getDefault(), properties.timeout(),
                Math.toIntExact(properties.maxPolicySize().toBytes()), 443);
    }

    @Bean
    TlsPolicies destinationTlsPolicies(OutboundTlsProperties.MtaSts mtaSts, OutboundTlsProperties.Dane dane,
            DnsResolver dns, DnsProperties dnsProperties, MtaStsFetcher fetcher,
            ObjectProvider<MeterRegistry> meters) {
        Clock clock = Clock.systemUTC();
        return new DestinationTlsPolicies(
                dane.enabled() ? new DnssecResolver(dnsProperties, dane.trustAnchors()) : null,
                mtaSts.enabled() ? new MtaStsPolicies(dns, fetcher, mtaSts.cacheSize(), clock) : null,
                meters.getIfAvailable(), clock);
    }
}
