package org.courriel.mta.smtp;

/** What the three SMTP listeners' settings have in common. */
public interface ListenerProperties {

    boolean enabled();

    String bindAddress();

    int port();

    int maxConnections();

    int maxConnectionsPerIp();
}
