package org.courriel.mta.spam;

import org.courriel.access.ServerProperties;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.mta.spam.sanity.SanityChecks;
import org.courriel.mta.spam.sanity.SanityProperties;
import org.courriel.store.account.DomainService;
import org.courriel.mta.spam.dnsbl.DnsblChecker;
import org.courriel.mta.spam.dnsbl.DnsblProperties;
import org.courriel.mta.spam.greylist.GreylistProperties;
import org.courriel.mta.spam.greylist.Greylisting;
import org.courriel.store.greylist.Triplets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the MX's spam defences from {@code courriel.spam.*}; each part is off until configured (docs/spam.md). The
 * content filter comes from {@link org.courriel.mta.spam.rspamd.RspamdConfiguration}, beside the filter it makes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SpamProperties.class, DnsblProperties.class, GreylistProperties.class,
        SanityProperties.class, SanityProperties.Greeting.class})
public class SpamConfiguration {

    @Bean
    SpamScreening spamScreening(DnsResolver dns, DnsblProperties dnsbl, Triplets triplets, GreylistProperties greylist,
            SpamFilter filter, SpamProperties spam, MeterRegistry meters, SanityProperties sanity,
            SanityProperties.Greeting greeting, ServerProperties server, DomainService domains) {
        return new SpamScreening(new DnsblChecker(dns, dnsbl, meters), new Greylisting(triplets, greylist, meters),
                filter, spam, new SanityChecks(sanity, greeting, dns, server.hostname(), domains::isLocal,
                        dnsbl.allowed(), meters));
    }

    /** Outbound scoring for the REST send endpoint; submission reaches it through {@link SpamScreening}. */
    @Bean
    OutboundScoring outboundScoring(SpamScreening screening) {
        return screening.outbound();
    }
}
