package org.courriel.mta.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made in the test (BouncyCastle): server certificates with DNS names it issues, and
 * the client trust that accepts them, for tests of certificate verification (MTA-STS, DANE, HTTPS).
 */
public final class TestCa {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A server certificate and its chain (leaf, then the CA). */
    public record Issued(KeyPair keys, X509Certificate leaf, X509Certificate ca) {

        public X509Certificate[] chain() {
            return new X509Certificate[] {leaf, ca};
        }

        /** The server side: this certificate with its chain. */
        public SSLContext serverContext() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                char[] password = "test".toCharArray();
                store.setKeyEntry("server", keys.getPrivate(), password, chain());
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, password);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(factory.getKeyManagers(), null, null);
                return context;
            } catch (Exception e) {
                throw new IllegalStateException("cannot make a server context", e);
            }
        }
    }

    public static TestCa create(String name) {
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("CN=" + name);
        return new TestCa(keys, sign(subject, keys, subject, keys, true, null, Instant.now().plus(2, ChronoUnit.DAYS)));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A server certificate for {@code dnsNames} (subjectAltName), valid from yesterday to tomorrow. */
    public Issued issue(String... dnsNames) {
        return issueUntil(Instant.now().plus(1, ChronoUnit.DAYS), dnsNames);
    }

    /** A server certificate that expires at {@code notAfter} (in the past for an expired one). */
    public Issued issueUntil(Instant notAfter, String... dnsNames) {
        KeyPair leafKeys = keyPair();
        X509Certificate leaf = sign(new X500Name("CN=" + dnsNames[0]), leafKeys,
                new X500Name(certificate.getSubjectX500Principal().getName()), keys, false, dnsNames, notAfter);
        return new Issued(leafKeys, leaf, certificate);
    }

    /** The client side: trusts what this CA issued, nothing else. */
    public SSLContext clientTrust() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a client trust", e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            boolean ca, String[] dnsNames, Instant notAfter) {
        try {
            Instant now = Instant.now();
            Instant notBefore = notAfter.isBefore(now) ? notAfter.minus(2, ChronoUnit.DAYS) : now.minus(1, ChronoUnit.DAYS);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (dnsNames != null) {
                GeneralName[] names = new GeneralName[dnsNames.length];
                for (int i = 0; i < dnsNames.length; i++) {
                    names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
