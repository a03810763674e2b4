package org.courriel.api.autoconfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the autoconfiguration documents ({@code courriel.client-config.*}) tell mail clients: the host and
 * ports as clients reach them, which a proxy or NAT may map to other bind ports. Changes take effect on
 * restart.
 *
 * @param host                   the host name clients connect to for IMAP and submission (it should be the
 *                               name in the certificate); empty: {@code courriel.hostname}
 * @param imapPort               the IMAP port with implicit TLS (RFC 8314 §3)
 * @param imapStarttlsPort       the IMAP port with STARTTLS (RFC 9051 §6.2.1)
 * @param pop3Port               the POP3 port with implicit TLS (RFC 8314 §3.3)
 * @param pop3StarttlsPort       the POP3 port with STLS (RFC 2595 §4)
 * @param submissionPort         the submission port with implicit TLS (RFC 8314 §3.3)
 * @param submissionStarttlsPort the submission port with STARTTLS (RFC 6409, RFC 3207)
 * @param maxRequestSize         largest Autodiscover request body read; beyond it the answer is 413
 */
@ConfigurationProperties("courriel.client-config")
public record ClientConfigProperties(
        String host,
        @DefaultValue("993") int imapPort,
        @DefaultValue("143") int imapStarttlsPort,
        @DefaultValue("995") int pop3Port,
        @DefaultValue("110") int pop3StarttlsPort,
        @DefaultValue("465") int submissionPort,
        @DefaultValue("587") int submissionStarttlsPort,
        @DefaultValue("16KB") DataSize maxRequestSize) {

    public ClientConfigProperties {
        for (int port : new int[] {imapPort, imapStarttlsPort, pop3Port, pop3StarttlsPort, submissionPort,
                submissionStarttlsPort}) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("courriel.client-config: ports must be between 1 and 65535");
            }
        }
        if (maxRequestSize.toBytes() < 1024) {
            throw new IllegalArgumentException("courriel.client-config.max-request-size must be at least 1KB");
        }
        if (host != null) {
            host = host.strip();
        }
    }
}
