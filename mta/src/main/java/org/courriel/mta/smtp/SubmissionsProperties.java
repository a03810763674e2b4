package org.courriel.mta.smtp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The submissions listener ({@code courriel.submissions.*}): mail from users' clients over implicit TLS (RFC 8314 §3.3). Changes take effect on restart.
 *
 * @param enabled             whether the listener runs
 * @param bindAddress         the address to listen on
 * @param port                the TCP port (the standard one needs root or CAP_NET_BIND_SERVICE); 0 picks a free one
 * @param maxConnections      connections open at once on this listener
 * @param maxConnectionsPerIp connections open at once from one client address
 */
@ConfigurationProperties("courriel.submissions")
public record SubmissionsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("2465") int port,
        @DefaultValue("500") int maxConnections,
        @DefaultValue("20") int maxConnectionsPerIp) implements ListenerProperties {
}
