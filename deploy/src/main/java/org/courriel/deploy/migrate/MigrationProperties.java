package org.courriel.deploy.migrate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code courriel migrate} ({@code courriel.migrate.*}), read by each run.
 *
 * @param timeout        connecting to the old server, and each read or write on that connection
 * @param maxMessageSize largest message copied (a message is held in memory while it is stored); a larger
 *                       one is reported and left on the old server
 */
@ConfigurationProperties("courriel.migrate")
public record MigrationProperties(
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("64MB") DataSize maxMessageSize) {

    public MigrationProperties {
        if (timeout.isNegative() || timeout.isZero() || maxMessageSize.toBytes() < 1) {
            throw new IllegalArgumentException("courriel.migrate: timeout and max-message-size must be positive");
        }
    }
}
