package org.courriel.access.tls;

import java.io.IOException;
import java.net.Socket;

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

    /**
     * The context of the named bundle; when the bundle is reloaded (a renewed certificate with
     * {@code reload-on-update}), new connections use the new one.
     */
    public TlsContext(SslBundles bundles, TlsProperties properties) {
        SSLContext found = null;
        try {
            SslBundle bundle = bundles.getBundle(properties.bundle());
            found = bundle.createSslContext();
            bundles.addBundleUpdateHandler(properties.bundle(), updated -> {
                context = updated.createSslContext();
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
