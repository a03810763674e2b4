package org.courriel.mta.relay;

import java.net.InetSocketAddress;

/**
 * One server to try for a destination: the name it is known by (for TLS verification and the operator),
 * the address to connect to, and how to talk to it.
 *
 * @param host     the MX, route or smarthost name (or the address literal)
 * @param address  the resolved address and port
 * @param tls      TLS towards it
 * @param username AUTH PLAIN user, or null for no AUTH
 * @param password AUTH PLAIN password, or null
 * @param policy   how the certificate is checked when the destination's policy says so
 */
public record RelayTarget(String host, InetSocketAddress address, TlsMode tls, String username, String password,
        TlsPolicy policy) {

    public RelayTarget {
        policy = policy == null ? TlsPolicy.CONFIGURED : policy;
    }

    public RelayTarget(String host, InetSocketAddress address, TlsMode tls, String username, String password) {
        this(host, address, tls, username, password, TlsPolicy.CONFIGURED);
    }

    /** The same server under a destination's policy. */
    public RelayTarget under(TlsMode mode, TlsPolicy tlsPolicy) {
        return new RelayTarget(host, address, mode, username, password, tlsPolicy);
    }

    public boolean authenticates() {
        return username != null && !username.isEmpty();
    }

    /** As shown to operators and in DSN Remote-MTA fields: {@code mx.example.org [192.0.2.1]:25}. */
    public String describe() {
        return host + " [" + address.getAddress().getHostAddress() + "]:" + address.getPort();
    }

    @Override
    public String toString() {
        return describe();
    }
}
