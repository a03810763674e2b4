package org.courriel.api.acme;

import org.courriel.access.tls.TlsProperties;
import org.courriel.store.acme.AcmeCertificate;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * Puts a certificate into service by updating the SSL bundle of {@code courriel.tls.bundle}: the listeners'
 * {@code TlsContext} (SMTP, IMAP, POP3, ManageSieve) and an HTTP server configured with the same bundle follow
 * bundle updates, so new connections get the new certificate without a restart.
 */
final class CertificateInstaller {

    private final SslBundleRegistry registry;
    private final String bundle;

    CertificateInstaller(SslBundleRegistry registry, TlsProperties tls) {
        this.registry = registry;
        this.bundle = tls.bundle();
    }

    void install(AcmeCertificate certificate) {
        PemSslStoreDetails keyStore = PemSslStoreDetails.forCertificate(certificate.chain())
                .withPrivateKey(certificate.keyPair());
        SslBundle updated = SslBundle.of(new PemSslStoreBundle(keyStore, null));
        try {
            registry.updateBundle(bundle, updated);
        } catch (NoSuchSslBundleException e) {
            registry.registerBundle(bundle, updated);
        }
    }
}
