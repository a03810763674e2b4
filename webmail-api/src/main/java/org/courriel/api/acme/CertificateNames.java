package org.courriel.api.acme;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The DNS names the certificate covers: the host name first (the subject), the configured extra names, and for
 * each hosted domain {@code mta-sts.<domain>} (RFC 8461 §3.3 fetches the policy over HTTPS there) and
 * {@code autoconfig.<domain>} (mail clients' configuration). Lower case, each once, in that order.
 */
final class CertificateNames {

    private CertificateNames() {
    }

    static List<String> of(String hostname, List<String> extra, boolean domainNames, List<String> domains) {
        Set<String> names = new LinkedHashSet<>();
        names.add(normal(hostname));
        extra.forEach(n -> names.add(normal(n)));
        if (domainNames) {
            for (String domain : domains) {
                names.add("mta-sts." + normal(domain));
                names.add("autoconfig." + normal(domain));
            }
        }
        names.remove("");
        return List.copyOf(names);
    }

    private static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
