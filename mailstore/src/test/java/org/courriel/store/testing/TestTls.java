package org.courriel.store.testing;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * The tests' TLS material: a self-signed certificate for localhost/127.0.0.1 (testing/tls in the mailstore test
 * jar) as the server's SSL bundle and a client context that trusts exactly it; and, for fake remote servers
 * that must present a certificate of their own name, a fresh self-signed one per host
 * ({@link #serverContext(String)}, needs BouncyCastle on the test classpath).
 */
public final class TestTls {

    /** Spring properties that make the test certificate the server's {@code courriel} SSL bundle. */
    public static final String CERTIFICATE = "spring.ssl.bundle.pem.courriel.keystore.certificate=classpath:testing/tls/cert.pem";
    public static final String PRIVATE_KEY = "spring.ssl.bundle.pem.courriel.keystore.private-key=classpath:testing/tls/key.pem";

    private TestTls() {
    }

    /** The server side: the test certificate and key as an SSLContext, through a Spring PEM bundle. */
    public static SSLContext serverContext() {
        PemSslStoreDetails keyStore = PemSslStoreDetails.forCertificate("classpath:testing/tls/cert.pem")
                .withPrivateKey("classpath:testing/tls/key.pem");
        return SslBundle.of(new PemSslStoreBundle(keyStore, null)).createSslContext();
    }

    /** A server SSLContext over a fresh self-signed certificate for {@code hostName} (its CN). */
    public static SSLContext serverContext(String hostName) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(SelfSignedCertificate.keyStore(hostName), SelfSignedCertificate.PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate for " + hostName, e);
        }
    }

    /** A client SSLContext trusting the test certificate only. */
    public static SSLContext clientContext() {
        try (InputStream in = TestTls.class.getResourceAsStream("/testing/tls/cert.pem")) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("courriel-test", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("test TLS material missing", e);
        }
    }

    /**
     * A client SSLContext that accepts any certificate: for a test that looks at what a listener presents
     * (and judges the chain itself) rather than at whether a handshake succeeds.
     */
    public static SSLContext anyCertificateContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }
}
