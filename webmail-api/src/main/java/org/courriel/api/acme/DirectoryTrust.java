package org.courriel.api.acme;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.shredzone.acme4j.connector.HttpConnector;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.AbstractAcmeProvider;

/**
 * An acme4j provider for any directory URL whose HTTPS is signed by one given CA certificate (a private CA,
 * or Pebble in tests) rather than one of the JDK's.
 */
final class DirectoryTrust extends AbstractAcmeProvider {

    private final SSLContext ssl;

    DirectoryTrust(Path caCertificate) {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("courriel.acme.trusted-certificate " + caCertificate
                    + " is not a readable PEM certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean accepts(URI serverUri) {
        return "https".equals(serverUri.getScheme());
    }

    @Override
    public URL resolve(URI serverUri) {
        try {
            return serverUri.toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad ACME directory URL " + serverUri, e);
        }
    }

    @Override
    protected HttpConnector createHttpConnector(NetworkSettings settings) {
        return new HttpConnector(settings) {
            @Override
            public HttpClient.Builder createClientBuilder() {
                return super.createClientBuilder().sslContext(ssl);
            }
        };
    }
}
