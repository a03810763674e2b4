package org.courriel.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every SMTP and IMAP listener shares ({@code courriel.listeners.*}). Changes take effect on restart.
 *
 * @param enabled       start the SMTP and IMAP listeners; the admin command line runs with {@code false}
 * @param writeTimeout  how long one write to a client (at most 64 KiB) may stay blocked because the client does
 *                      not read before the connection is closed (Java's blocking sockets have none of their own)
 * @param shutdownGrace how long a stopping node has in all: its sessions finish after being told (SMTP 421,
 *                      IMAP BYE) before their connections are closed, then queue deliveries on the wire finish
 *                      in what is left before they are abandoned and their claims released (keep
 *                      {@code spring.lifecycle.timeout-per-shutdown-phase} at least 5s longer)
 */
@ConfigurationProperties("courriel.listeners")
public record ListenersProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2m") Duration writeTimeout,
        @DefaultValue("10s") Duration shutdownGrace) {

    public ListenersProperties {
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("courriel.listeners.write-timeout must be positive");
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("courriel.listeners.shutdown-grace must not be negative");
        }
    }
}
