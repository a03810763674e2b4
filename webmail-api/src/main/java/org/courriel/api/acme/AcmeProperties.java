package org.courriel.api.acme;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic certificates ({@code courriel.acme.*}); changes need a restart.
 *
 * @param enabled            order and renew the listeners' certificate by ACME (off by default)
 * @param directoryUrl       the CA's ACME directory; Let's Encrypt production by default
 * @param email              the contact address given to the CA for expiry notices (optional)
 * @param names              DNS names beyond {@code courriel.hostname} (which always comes first)
 * @param domainNames        also cover {@code mta-sts.<domain>} and {@code autoconfig.<domain>} of every hosted
 *                           domain
 * @param renewBefore        renew when the certificate expires within this
 * @param checkInterval      how often each node checks the certificate (and installs one another node renewed)
 * @param timeout            the longest wait for the CA: each HTTP call, each validation, the issuance
 * @param trustedCertificate a PEM file of the CA certificate the directory's HTTPS is signed by, for a private
 *                           or test CA (Pebble); unset: the JDK's trust store
 */
@ConfigurationProperties("courriel.acme")
public record AcmeProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("https://acme-v02.api.letsencrypt.org/directory") String directoryUrl,
        String email,
        @DefaultValue List<String> names,
        @DefaultValue("true") boolean domainNames,
        @DefaultValue("30d") Duration renewBefore,
        @DefaultValue("1d") Duration checkInterval,
        @DefaultValue("2m") Duration timeout,
        Path trustedCertificate) {
}
