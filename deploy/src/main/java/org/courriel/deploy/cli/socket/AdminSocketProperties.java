package org.courriel.deploy.cli.socket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin socket ({@code courriel.admin.socket.*}): a Unix domain socket through which the command line has a
 * running server carry out its commands. Changes take effect on restart.
 *
 * @param enabled        open the socket; the command line then answers in well under a second
 * @param path           the socket file; empty is {@code admin/admin.sock} in {@code courriel.data-dir} (the
 *                       command line finds it there); its directory is made readable by the server's user only
 * @param timeout        longest one command may take, waiting for its standard input included, before the
 *                       server closes the connection
 * @param maxConnections most commands carried out at once; a further one is refused with exit code 3
 * @param maxArguments   most words and options in one command line; a longer one is refused
 */
@ConfigurationProperties("courriel.admin.socket")
public record AdminSocketProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String path,
        @DefaultValue("5m") Duration timeout,
        @DefaultValue("4") int maxConnections,
        @DefaultValue("256") int maxArguments) {

    public AdminSocketProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("courriel.admin.socket.timeout must be positive");
        }
        if (maxConnections < 1 || maxArguments < 1) {
            throw new IllegalArgumentException("courriel.admin.socket: max-connections and max-arguments >= 1");
        }
    }
}
