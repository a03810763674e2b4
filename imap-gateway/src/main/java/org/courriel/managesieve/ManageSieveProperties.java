package org.courriel.managesieve;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ManageSieve server ({@code courriel.managesieve.*}, RFC 5804). Changes take effect on restart.
 *
 * @param enabled                whether the listener starts at all
 * @param port                   port of the listener with STARTTLS (RFC 5804 §1.8: 4190); 0 picks a free port, -1 turns it off
 * @param bindAddress            address the listener binds to; empty binds every interface
 * @param allowPlaintextLoopback whether AUTHENTICATE is allowed without TLS from a loopback client (development, tests)
 * @param maxLineLength          longest command line accepted, in bytes, literals excluded
 * @param preAuthMaxLiteralSize  largest literal accepted before login (SASL responses); larger is refused before a
 *                               byte of it is read
 * @param idleTimeout            how long an authenticated connection may stay silent
 * @param loginTimeout           how long a connection may stay silent before it has logged in
 * @param maxConnections         most ManageSieve connections at once
 * @param maxConnectionsPerIp    most ManageSieve connections at once from one client address
 */
@ConfigurationProperties("courriel.managesieve")
public record ManageSieveProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4190") int port,
        @DefaultValue("") String bindAddress,
        @DefaultValue("false") boolean allowPlaintextLoopback,
        @DefaultValue("8192") int maxLineLength,
        @DefaultValue("8KB") DataSize preAuthMaxLiteralSize,
        @DefaultValue("10m") Duration idleTimeout,
        @DefaultValue("60s") Duration loginTimeout,
        @DefaultValue("1000") int maxConnections,
        @DefaultValue("10") int maxConnectionsPerIp) {

    public ManageSieveProperties {
        if (maxLineLength < 1024) {
            throw new IllegalArgumentException("courriel.managesieve.max-line-length must be at least 1024");
        }
        if (preAuthMaxLiteralSize.toBytes() < 1024) {
            throw new IllegalArgumentException("courriel.managesieve.pre-auth-max-literal-size must be at least 1KB");
        }
    }
}
