package org.courriel.mta.relay;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outbound delivery ({@code courriel.relay.*}): where mail for a domain goes and how the SMTP
 * client talks to it. Changes take effect on restart.
 *
 * @param heloName                    the name sent in EHLO/HELO; empty: {@code courriel.hostname}, else the
 *                                    machine's host name
 * @param routes                      static routes {@code domain -> host:port}, ahead of the smarthost and MX
 * @param smarthost                   one server that takes all outbound mail instead of MX delivery
 * @param tls                         TLS towards MX hosts and static routes
 * @param port                        the port of MX hosts (25)
 * @param maxMxHosts                  most MX hosts (by preference) tried in one attempt
 * @param maxRecipientsPerTransaction most RCPT commands in one transaction (RFC 5321 §4.5.3.1.8 requires 100)
 * @param maxReplyLineLength          longest reply line accepted from a server, in bytes
 * @param maxReplyLines               most lines of one multi-line reply
 * @param timeouts                    client timeouts (RFC 5321 §4.5.3.2)
 */
@ConfigurationProperties("courriel.relay")
public record RelayProperties(
        @DefaultValue("") String heloName,
        Map<String, String> routes,
        @DefaultValue Smarthost smarthost,
        @DefaultValue("OPPORTUNISTIC") TlsMode tls,
        @DefaultValue("25") int port,
        @DefaultValue("5") int maxMxHosts,
        @DefaultValue("100") int maxRecipientsPerTransaction,
        @DefaultValue("2048") int maxReplyLineLength,
        @DefaultValue("100") int maxReplyLines,
        @DefaultValue Timeouts timeouts) {

    public RelayProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        if (maxRecipientsPerTransaction < 1 || maxReplyLineLength < 512 || maxReplyLines < 1 || maxMxHosts < 1) {
            throw new IllegalArgumentException("courriel.relay limits must be positive (reply lines at least 512)");
        }
    }

    /**
     * @param host     the smarthost's name or address; empty: no smarthost, deliver by MX
     * @param port     its port (587 submission, 465 with {@code IMPLICIT}, 25)
     * @param tls      TLS towards it
     * @param username AUTH PLAIN user name; empty: no AUTH
     * @param password AUTH PLAIN password
     */
    public record Smarthost(
            @DefaultValue("") String host,
            @DefaultValue("587") int port,
            @DefaultValue("VERIFY") TlsMode tls,
            @DefaultValue("") String username,
            @DefaultValue("") String password) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Smarthost[" + host + ":" + port + ", " + tls + ", user=" + username + "]";
        }
    }

    /**
     * @param connect         to open the TCP connection
     * @param greeting        for the 220 greeting (RFC 5321 §4.5.3.2.1)
     * @param command         for replies to EHLO, STARTTLS, AUTH, MAIL, RCPT, RSET, QUIT (§4.5.3.2.2, §4.5.3.2.3)
     * @param dataInitiation  for the 354 reply to DATA (§4.5.3.2.4)
     * @param dataBlock       to write each block of the content (§4.5.3.2.5)
     * @param dataTermination for the reply after the final dot (§4.5.3.2.6)
     */
    public record Timeouts(
            @DefaultValue("30s") Duration connect,
            @DefaultValue("5m") Duration greeting,
            @DefaultValue("5m") Duration command,
            @DefaultValue("2m") Duration dataInitiation,
            @DefaultValue("3m") Duration dataBlock,
            @DefaultValue("10m") Duration dataTermination) {
    }
}
