package org.courriel.pop3.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the POP3 server ({@code courriel.pop3.*}). Changes take effect on restart. Whether USER, PASS and
 * AUTH work without TLS from a loopback client is {@code courriel.imap.allow-plaintext-loopback}, shared with IMAP.
 *
 * @param enabled             whether the POP3 listeners start at all
 * @param port                port of the POP3 listener with STLS (RFC 2595 §4); 0 picks a free port, -1 turns it off
 * @param bindAddress         address the listeners bind to; empty binds every interface
 * @param maxLineLength       longest command line accepted, in bytes, CRLF excluded (RFC 2449 §4 asks for at least
 *                            255); a longer one is answered with -ERR and the session goes on
 * @param idleTimeout         how long a logged-in session may stay silent (RFC 1939 §3: at least 10 minutes)
 * @param loginTimeout        how long a connection may stay silent before it has logged in
 * @param commandTimeout      how long one command line may take to arrive, from its first byte to its end
 * @param lockLease           how long the maildrop lock (a store lease, RFC 1939 §8) lasts without being
 *                            renewed; each command renews it, so it must exceed {@code idleTimeout}: a node that
 *                            dies holding a lock frees the maildrop after this time
 * @param maxConnections      most POP3 connections at once on each listener
 * @param maxConnectionsPerIp most POP3 connections at once from one client address, on each listener
 */
@ConfigurationProperties("courriel.pop3")
public record Pop3Properties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1110") int port,
        @DefaultValue("") String bindAddress,
        @DefaultValue("1024") int maxLineLength,
        @DefaultValue("10m") Duration idleTimeout,
        @DefaultValue("60s") Duration loginTimeout,
        @DefaultValue("1m") Duration commandTimeout,
        @DefaultValue("15m") Duration lockLease,
        @DefaultValue("5000") int maxConnections,
        @DefaultValue("20") int maxConnectionsPerIp) {

    public Pop3Properties {
        if (maxLineLength < 255) {
            throw new IllegalArgumentException("courriel.pop3.max-line-length must be at least 255 (RFC 2449 §4)");
        }
        if (lockLease.compareTo(idleTimeout) <= 0) {
            throw new IllegalArgumentException("courriel.pop3.lock-lease must exceed courriel.pop3.idle-timeout");
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("courriel.pop3.command-timeout must be positive");
        }
    }
}
