package org.courriel.store.acme;

import java.time.Instant;
import java.util.List;

/**
 * A certificate obtained by ACME, as stored.
 *
 * @param names    the DNS names it covers
 * @param keyPair  the certificate's key pair, PEM
 * @param chain    the certificate chain, PEM, leaf first
 * @param notAfter when the leaf expires
 * @param issuedAt when it was stored
 */
public record AcmeCertificate(List<String> names, String keyPair, String chain, Instant notAfter, Instant issuedAt) {

    public AcmeCertificate {
        names = List.copyOf(names);
    }
}
