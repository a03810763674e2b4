package org.courriel.access.net;

import java.time.Duration;

/**
 * How one listener accepts connections.
 *
 * @param name               the listener's name in logs, thread names and metrics tags ("mx", "imap"...)
 * @param bindAddress        the address to listen on ("0.0.0.0", "127.0.0.1", "::"); empty means every IPv4 one
 * @param port               the TCP port; 0 picks a free one (tests)
 * @param implicitTls        TLS from the first byte (SMTPS on 465, IMAPS on 993, RFC 8314)
 * @param maxConnections     connections open at once on this listener
 * @param maxConnectionsPerIp connections open at once from one client address
 * @param idleTimeout        how long a read may wait for the client before the connection is closed
 * @param writeTimeout       how long one write (at most 64 KiB) may stay blocked on a client that does not
 *                           read before the connection is closed
 * @param shutdownGrace      how long {@link TcpServer#close()} lets sessions finish after telling them to stop,
 *                           before it closes their connections
 */
public record ListenerSettings(String name, String bindAddress, int port, boolean implicitTls, int maxConnections,
        int maxConnectionsPerIp, Duration idleTimeout, Duration writeTimeout, Duration shutdownGrace) {

    public ListenerSettings {
        bindAddress = bindAddress == null || bindAddress.isEmpty() ? "0.0.0.0" : bindAddress;
    }
}
