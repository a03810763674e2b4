package org.courriel.mta.relay.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

/**
 * Checks a server's certificate chain against its usable TLSA records (RFC 7672 §3): pure, the chain and the
 * records in, a reason for failure (empty: authenticated) out.
 */
public final class DaneVerifier {

    private DaneVerifier() {
    }

    /**
     * @param chain the peer's chain, leaf first
     * @param names the reference identifiers for DANE-TA (RFC 7672 §3.2.2: the MX host name, the TLSA base
     *              domain), lower case
     */
    public static Optional<String> verify(X509Certificate[] chain, List<Tlsa> records, Set<String> names,
            Instant now) {
        if (chain == null || chain.length == 0) {
            return Optional.of("no certificate");
        }
        List<Tlsa> usable = records.stream().filter(Tlsa::usable).toList();
        for (Tlsa record : usable) {
            // RFC 7672 §3.1.1: DANE-EE matches the leaf; neither its names nor its dates are checked
            if (record.usage() == Tlsa.DANE_EE && record.matches(chain[0])) {
                return Optional.empty();
            }
        }
        String failure = "no TLSA record matches the certificate chain";
        for (Tlsa record : usable) {
            if (record.usage() != Tlsa.DANE_TA) {
                continue;
            }
            // RFC 7672 §3.1.2: DANE-TA matches a trust anchor the server sends in its chain (not the leaf)
            for (int i = 1; i < chain.length; i++) {
                if (record.matches(chain[i])) {
                    Optional<String> problem = chainUpTo(chain, i, now)
                            .or(() -> nameMismatch(chain[0], names));
                    if (problem.isEmpty()) {
                        return problem;
                    }
                    failure = problem.get();
                }
            }
        }
        return Optional.of(failure);
    }

    /** PKIX from the leaf up to {@code chain[anchor]}, taken as the trust anchor (no revocation check). */
    private static Optional<String> chainUpTo(X509Certificate[] chain, int anchor, Instant now) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            var path = factory.generateCertPath(Arrays.asList(chain).subList(0, anchor));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain[anchor], null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of("the chain does not validate up to the DANE-TA anchor: " + e.getMessage());
        }
    }

    /**
     * RFC 7672 §3.2.3: the leaf's DNS subjectAltNames (its subject CN only when it has none) must match one
     * name, a wildcard standing for the one left-most label.
     */
    static Optional<String> nameMismatch(X509Certificate leaf, Set<String> names) {
        List<String> presented = dnsNames(leaf);
        for (String p : presented) {
            for (String name : names) {
                if (matchesName(p.toLowerCase(Locale.ROOT), name)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("the certificate names " + presented + " are none of " + names);
    }

    static boolean matchesName(String presented, String name) {
        String p = presented.endsWith(".") ? presented.substring(0, presented.length() - 1) : presented;
        if (p.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot).equals(p.substring(1));
        }
        return p.equals(name);
    }

    private static List<String> dnsNames(X509Certificate leaf) {
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                List<String> dns = sans.stream().filter(s -> Integer.valueOf(2).equals(s.get(0)))
                        .map(s -> String.valueOf(s.get(1))).toList();
                if (!dns.isEmpty()) {
                    return dns;
                }
            }
        } catch (CertificateParsingException e) {
            return List.of();
        }
        String subject = leaf.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String rdn : subject.split(",")) {
            if (rdn.startsWith("CN=")) {
                return List.of(rdn.substring(3));
            }
        }
        return List.of();
    }
}
