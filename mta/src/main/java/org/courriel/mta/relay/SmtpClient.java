package org.courriel.mta.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens SMTP sessions to remote servers: connect, greeting, EHLO (HELO when EHLO is refused), STARTTLS,
 * AUTH for a smarthost. A session then carries any number of messages ({@link SmtpClientSession#send}).
 */
public class SmtpClient {

    private static final Logger log = LoggerFactory.getLogger(SmtpClient.class);

    private final RelayProperties properties;
    private final String heloName;
    private final SSLContext unverified;
    private final SSLContext verified;
    /** RFC 8689 §4.2.1 step 1, checked again on the open session (the queue checks before connecting). */
    private final MxAuthentication mxAuthentication = MxAuthentication.BY_TLS_POLICY;

    public SmtpClient(RelayProperties properties, String heloName) {
        this(properties, heloName, defaultContext());
    }

    /** @param verified the context of VERIFY and IMPLICIT TLS (tests give one trusting their own certificate) */
    public SmtpClient(RelayProperties properties, String heloName, SSLContext verified) {
        this.properties = properties;
        this.heloName = heloName;
        this.unverified = trustAll();
        this.verified = verified;
    }

    /** The name to greet with: the configured one, else the machine's. */
    public static String heloName(String configured, String hostname) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (hostname != null && !hostname.isBlank()) {
            return hostname.strip();
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public String heloName() {
        return heloName;
    }

    /**
     * A session ready for MAIL.
     *
     * @throws RemoteRefusalException the server refused the session, or TLS was required and not possible
     * @throws IOException            the connection failed or timed out
     */
    public SmtpClientSession open(RelayTarget target) throws IOException {
        try {
            return open(target, target.tls() != TlsMode.NONE);
        } catch (SSLException e) {
            if (target.tls() == TlsMode.OPPORTUNISTIC) {
                // RFC 7435 §3: opportunistic TLS that fails falls back to a clear session, on a new connection
                log.info("STARTTLS with {} failed ({}), delivering without TLS", target, e.getMessage());
                return open(target, false);
            }
            throw new RemoteRefusalException(LocalReply.tlsFailed(target, e.getMessage() + target.policy().note()));
        }
    }

    private SmtpClientSession open(RelayTarget target, boolean useTls) throws IOException {
        RelayProperties.Timeouts timeouts = properties.timeouts();
        Socket socket = new Socket();
        SmtpClientConnection connection = null;
        try {
            socket.connect(target.address(), Math.toIntExact(timeouts.connect().toMillis()));
            connection = new SmtpClientConnection(socket, properties, false);
            if (target.tls() == TlsMode.IMPLICIT) {
                connection.startTls(verified, target.host(), true, true, timeouts.greeting());
            }
            RemoteReply greeting = connection.reply(timeouts.greeting());
            if (greeting.code() != 220) { // RFC 5321 §3.1: 554 (or 421) means no service here
                throw new RemoteRefusalException(greeting);
            }
            EhloExtensions extensions = hello(connection);
            if (useTls && !connection.isSecure()) {
                if (extensions.startTls()) {
                    RemoteReply ready = connection.exchange("STARTTLS", timeouts.command());
                    if (ready.code() != 220) {
                        if (target.tls().mandatory()) {
                            throw new RemoteRefusalException(ready);
                        }
                    } else {
                        TlsPolicy policy = target.policy();
                        connection.startTls(policy.context(target.tls(), verified, unverified), target.host(),
                                policy.checksHostName(target.tls()), policy.authenticates(target.tls()),
                                timeouts.command());
                        extensions = hello(connection); // RFC 3207 §4.2: forget what was learnt before TLS
                    }
                } else if (target.tls().mandatory()) {
                    throw new RemoteRefusalException(LocalReply.tlsNotOffered(target));
                }
            }
            if (target.tls().mandatory() && !connection.isSecure()) {
                throw new RemoteRefusalException(LocalReply.tlsFailed(target, "the session is not encrypted"));
            }
            if (target.authenticates()) {
                authenticate(connection, extensions, target);
            }
            SmtpClientSession session = new SmtpClientSession(connection, extensions, target, timeouts,
                    mxAuthentication);
            connection = null;
            return session;
        } finally {
            if (connection != null) {
                connection.close();
            } else if (!socket.isConnected()) {
                socket.close();
            }
        }
    }

    /** EHLO, or HELO when the server does not know EHLO (RFC 5321 §3.2). */
    private EhloExtensions hello(SmtpClientConnection connection) throws IOException {
        RemoteReply ehlo = connection.exchange("EHLO " + heloName, properties.timeouts().command());
        if (ehlo.code() == 250) {
            return EhloExtensions.parse(ehlo);
        }
        if (ehlo.isPermanent()) {
            RemoteReply helo = connection.exchange("HELO " + heloName, properties.timeouts().command());
            if (helo.code() == 250) {
                return EhloExtensions.NONE;
            }
            throw new RemoteRefusalException(helo);
        }
        throw new RemoteRefusalException(ehlo);
    }

    /** AUTH PLAIN (RFC 4954 §4, RFC 4616), only over TLS so that the password never crosses in clear. */
    private void authenticate(SmtpClientConnection connection, EhloExtensions extensions, RelayTarget target)
            throws IOException {
        if (!connection.isSecure()) {
            throw new RemoteRefusalException(LocalReply.credentialsNeedTls(target));
        }
        if (!extensions.authMechanisms().contains("PLAIN")) {
            throw new RemoteRefusalException(LocalReply.authPlainNotOffered(target));
        }
        byte[] plain = ("\0" + target.username() + "\0" + target.password()).getBytes(StandardCharsets.UTF_8);
        RemoteReply reply = connection.exchange("AUTH PLAIN " + Base64.getEncoder().encodeToString(plain),
                properties.timeouts().command());
        if (reply.code() != 235) {
            throw new RemoteRefusalException(reply);
        }
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** RFC 7435: opportunistic encryption accepts any certificate; it protects against passive listeners only. */
    private static SSLContext trustAll() {
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
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }
}
