package org.courriel.access.net;

import java.time.Duration;

/**
 * How one listener accepts connections.
 *
 * @param name               the listener's name in logs, thread names and metrics tags ("mx", "imap"...)
 * @param bindAddress        the address to listen on ("0.0.0.0", "127.0.0.1", "::")
 * @param port               the TCP port; 0 picks a free one (tests)
 * @param implicitTls        TLS from the first byte (SMTPS on 465, IMAPS on 993, RFC 8314)
 * @param maxConnections     connections open at once on this listener
 * @param maxConnectionsPerIp connections open at once from one client address
 * @param idleTimeout        how long a read may wait for the client before the connection is closed
 */
public record ListenerSettings(String name, String bindAddress, int port, boolean implicitTls, int maxConnections,
        int maxConnectionsPerIp, Duration idleTimeout) {
}
