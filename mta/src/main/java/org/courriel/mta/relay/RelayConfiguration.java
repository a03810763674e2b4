package org.courriel.mta.relay;

import org.courriel.access.ServerProperties;
import org.courriel.mta.dns.DnsResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires routing and the SMTP client; routing asks the {@link DnsResolver} of {@code org.courriel.mta.dns}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
public class RelayConfiguration {

    @Bean
    Router router(DnsResolver dns, RelayProperties properties, ObjectProvider<TlsPolicies> policies) {
        return new Router(dns, properties, policies.getIfAvailable(() -> TlsPolicies.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    SmtpClient smtpClient(RelayProperties properties, ObjectProvider<ServerProperties> server) {
        ServerProperties s = server.getIfAvailable();
        return new SmtpClient(properties, SmtpClient.heloName(properties.heloName(), s == null ? null : s.hostname()));
    }
}
