package org.courriel.mta.spam.dnsbl;

import java.util.List;

import org.courriel.access.net.IpNetwork;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DNS blocklists of client addresses ({@code courriel.spam.dnsbl.*}), asked on MX before the first recipient is
 * accepted. Off while {@code zones} is empty.
 *
 * @param zones         the lists asked, e.g. {@code zen.spamhaus.org}; a client any of them names is refused with
 *                      {@code 554 5.7.1}
 * @param allowNetworks clients never checked (CIDR blocks; other servers of the organisation, a backup MX)
 */
@ConfigurationProperties("courriel.spam.dnsbl")
public record DnsblProperties(
        @DefaultValue("") List<String> zones,
        @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> allowNetworks) {

    public DnsblProperties {
        zones = zones.stream().map(String::trim).filter(z -> !z.isEmpty()).map(z -> z.endsWith(".") ? z.substring(0, z.length() - 1) : z).toList();
        allowNetworks = allowNetworks.stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
        allowNetworks.forEach(IpNetwork::parse); // a typo fails at start, not at the first connection
    }

    public List<IpNetwork> allowed() {
        return allowNetworks.stream().map(IpNetwork::parse).toList();
    }
}
