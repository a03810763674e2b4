package org.courriel.deploy.migrate;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The old server and account, from {@code imap://user@host[:port]} (RFC 5092 §3: the user part is
 * percent-encoded, so {@code alice%40example.org} is the login {@code alice@example.org}). The password never
 * travels in it.
 *
 * @param user the login name
 * @param host the server
 * @param port its port: the URI's, else 143, or 993 with implicit TLS
 * @param tls  how the connection is protected
 */
public record ImapSource(String user, String host, int port, Tls tls) {

    /** How the connection to the old server is protected. */
    public enum Tls {
        /** TLS from the first byte (port 993, RFC 8314 §3.2). */
        IMPLICIT,
        /** STARTTLS required before login (RFC 9051 §6.2.1). */
        STARTTLS,
        /** None: only for a server on a trusted network or loopback. */
        NONE;

        /** {@code implicit}, {@code starttls} or {@code none}; anything else is an IllegalArgumentException. */
        public static Tls parse(String value) {
            for (Tls t : values()) {
                if (t.name().equalsIgnoreCase(value)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("--tls is implicit, starttls or none, not " + value);
        }
    }

    /** Parses the URI; {@code tls} null means STARTTLS, or implicit TLS for {@code imaps://}. */
    public static ImapSource parse(String uri, Tls tls) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an imap:// URI: " + uri);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("imap") && !scheme.equals("imaps")) {
            throw new IllegalArgumentException("not an imap:// URI: " + uri);
        }
        if (parsed.getRawUserInfo() == null || parsed.getRawUserInfo().isEmpty() || parsed.getHost() == null) {
            throw new IllegalArgumentException("the URI names no user and host (imap://user@host[:port]): " + uri);
        }
        if (parsed.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException("the password goes in --password-file or standard input, "
                    + "never in the URI");
        }
        String path = parsed.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("the URI names a server and a user, not a mailbox: " + uri);
        }
        Tls chosen = tls != null ? tls : scheme.equals("imaps") ? Tls.IMPLICIT : Tls.STARTTLS;
        int port = parsed.getPort() > 0 ? parsed.getPort() : chosen == Tls.IMPLICIT ? 993 : 143;
        String user = URLDecoder.decode(parsed.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
        return new ImapSource(user, parsed.getHost(), port, chosen);
    }

    @Override
    public String toString() {
        return "imap://" + user + "@" + host + ":" + port;
    }
}
