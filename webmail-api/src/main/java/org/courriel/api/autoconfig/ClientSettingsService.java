package org.courriel.api.autoconfig;

import java.util.List;

import org.courriel.access.ServerProperties;
import org.courriel.api.problem.ApiException;
import org.courriel.store.StoreException;
import org.courriel.store.account.Addresses;
import org.courriel.store.account.DomainService;
import org.courriel.api.autoconfig.MailServer.Protocol;
import org.courriel.api.autoconfig.MailServer.Security;

/**
 * Resolves an address a client asks about to its {@link ClientSettings}: 400 when it is not an address, 404
 * when its domain is not hosted here. Any local part of a hosted domain gets the same answer, so the
 * endpoints cannot be used to find out which accounts exist.
 */
public final class ClientSettingsService {

    private final DomainService domains;
    private final List<MailServer> servers;

    public ClientSettingsService(DomainService domains, ClientConfigProperties config, ServerProperties server) {
        this.domains = domains;
        this.servers = servers(config, server);
    }

    static List<MailServer> servers(ClientConfigProperties config, ServerProperties server) {
        String host = config.host() == null || config.host().isEmpty() ? server.hostname() : config.host();
        return List.of(
                new MailServer(Protocol.IMAP, host, config.imapPort(), Security.IMPLICIT_TLS),
                new MailServer(Protocol.IMAP, host, config.imapStarttlsPort(), Security.STARTTLS),
                new MailServer(Protocol.POP3, host, config.pop3Port(), Security.IMPLICIT_TLS),
                new MailServer(Protocol.POP3, host, config.pop3StarttlsPort(), Security.STARTTLS),
                new MailServer(Protocol.SUBMISSION, host, config.submissionPort(), Security.IMPLICIT_TLS),
                new MailServer(Protocol.SUBMISSION, host, config.submissionStarttlsPort(), Security.STARTTLS));
    }

    /**
     * @param address what the client sent (a query parameter or the Autodiscover EMailAddress)
     * @param field   the name of that parameter, for the problem detail
     */
    public ClientSettings settings(String address, String field) {
        String normal;
        try {
            normal = Addresses.address(address);
        } catch (StoreException e) {
            throw ApiException.invalid(field, "not an e-mail address (local-part@domain)");
        }
        return new ClientSettings(hosted(Addresses.domainOf(normal)), normal, servers);
    }

    /**
     * The settings of a domain when the client named no address: Thunderbird may leave {@code emailaddress}
     * out (its "send the address" preference), and then only the host it asked tells the domain.
     *
     * @param host the host name the request was sent to, {@code autoconfig.} already removed
     */
    public ClientSettings settingsOfDomain(String host) {
        String domain;
        try {
            domain = Addresses.domain(host);
        } catch (StoreException e) {
            throw ApiException.invalid("emailaddress", "no emailaddress, and the host is no mail domain");
        }
        return new ClientSettings(hosted(domain), null, servers);
    }

    private String hosted(String domain) {
        if (!domains.isLocal(domain)) {
            throw ApiException.notFound("the domain " + domain + " is not hosted here");
        }
        return domain;
    }
}
