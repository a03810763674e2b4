package org.courriel.api.autoconfig;

import java.util.List;
import java.util.stream.Stream;

import org.courriel.store.account.Addresses;

/**
 * The settings of one address on this server, as every autoconfiguration format describes them: the user
 * name is the full address and the password is sent over TLS (RFC 8314 §5.1). They depend only on the
 * domain, never on whether the account exists.
 *
 * @param domain  the hosted domain, in normal form
 * @param address the address in normal form, or null when the client did not say (Mozilla's format needs
 *                only the domain)
 * @param servers the servers, in order of preference: implicit TLS before STARTTLS (RFC 8314 §5.1)
 */
public record ClientSettings(String domain, String address, List<MailServer> servers) {

    public ClientSettings {
        servers = List.copyOf(servers);
        if (address != null && !Addresses.domainOf(address).equals(domain)) {
            throw new IllegalArgumentException(address + " is not in " + domain);
        }
    }

    /** The servers of one protocol, the preferred first. */
    public Stream<MailServer> servers(MailServer.Protocol protocol) {
        return servers.stream().filter(s -> s.protocol() == protocol);
    }

    /** The preferred server of a protocol. */
    public MailServer preferred(MailServer.Protocol protocol) {
        return servers(protocol).findFirst().orElseThrow();
    }
}
