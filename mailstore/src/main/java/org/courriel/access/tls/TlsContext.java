package org.courriel.access.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * The server side of TLS for SMTP and IMAP, from the Spring Boot SSL bundle named by
 * {@code courriel.tls.bundle}. Only TLS 1.2 and 1.3 are offered (RFC 8996 retired the older ones).
 */
public class TlsContext {

    private static final Logger log = LoggerFactory.getLogger(TlsContext.class);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private volatile SSLContext context;
    private volatile Instant notAfter;

    /**
     * The context of the named bundle; when the bundle is reloaded (a renewed certificate with
     * {@code reload-on-update}), new connections use the new one.
     */
    public TlsContext(SslBundles bundles, TlsProperties properties) {
        SSLContext found = null;
        try {
            SslBundle bundle = bundles.getBundle(properties.bundle());
            found = bundle.createSslContext();
            notAfter = earliestExpiry(bundle);
            bundles.addBundleUpdateHandler(properties.bundle(), updated -> {
                context = updated.createSslContext();
                notAfter = earliestExpiry(updated);
                log.info("SSL bundle '{}' reloaded: new connections use the new certificate", properties.bundle());
            });
        } catch (NoSuchSslBundleException e) {
            log.warn("No SSL bundle '{}': STARTTLS and implicit TLS are off", properties.bundle());
        }
        this.context = found;
    }

    /** A context over an explicit SSLContext (tests of clients and servers built by hand). */
    public TlsContext(SSLContext context) {
        this.context = context;
    }

    public boolean available() {
        return context != null;
    }

    public SSLContext sslContext() {
        return context;
    }

    /**
     * When the certificate served expires (the earliest notAfter of the bundle's key entries' leaf
     * certificates), following a reloaded bundle; empty without a bundle or over an explicit SSLContext.
     */
    public Optional<Instant> notAfter() {
        return Optional.ofNullable(notAfter);
    }

    private static Instant earliestExpiry(SslBundle bundle) {
        KeyStore keys = bundle.getStores().getKeyStore();
        if (keys == null) {
            return null;
        }
        Instant earliest = null;
        try {
            for (String alias : Collections.list(keys.aliases())) {
                Certificate leaf = keys.isKeyEntry(alias) ? keys.getCertificate(alias) : null;
                if (leaf instanceof X509Certificate x509) {
                    Instant expiry = x509.getNotAfter().toInstant();
                    earliest = earliest == null || expiry.isBefore(earliest) ? expiry : earliest;
                }
            }
        } catch (KeyStoreException e) {
            log.warn("Cannot read the certificate's expiry from the SSL bundle: {}", e.toString());
        }
        return earliest;
    }

    /** Layers server-side TLS over a connected socket and completes the handshake. */
    public SSLSocket wrap(Socket socket) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        ssl.setUseClientMode(false);
        SSLParameters params = ssl.getSSLParameters();
        params.setProtocols(PROTOCOLS);
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }
}
