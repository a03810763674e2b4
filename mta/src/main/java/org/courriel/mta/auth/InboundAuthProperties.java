package org.courriel.mta.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sender checks of the MX ({@code courriel.auth.inbound.*}): SPF at MAIL, DKIM and DMARC at the end of
 * DATA, reverse DNS of the client. Submission (authenticated) is never checked. Read at start.
 *
 * @param enabled           run the checks and add Authentication-Results on the MX (default true)
 * @param spfTimeout        the longest one SPF evaluation (all its lookups) may take; then temperror (default 20s,
 *                          RFC 7208 §4.6.4)
 * @param maxDkimSignatures DKIM-Signature fields verified at most per message; later ones are ignored (default 5)
 * @param reverseDns        look up the client's forward-confirmed reverse name (FCrDNS) for the Received field
 *                          (default true)
 */
@ConfigurationProperties("courriel.auth.inbound")
public record InboundAuthProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20s") Duration spfTimeout,
        @DefaultValue("5") int maxDkimSignatures,
        @DefaultValue("true") boolean reverseDns) {

    public InboundAuthProperties {
        if (maxDkimSignatures < 0) {
            throw new IllegalArgumentException("courriel.auth.inbound.max-dkim-signatures must not be negative");
        }
    }
}
