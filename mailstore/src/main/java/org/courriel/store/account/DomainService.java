package org.courriel.store.account;

import java.util.List;

import org.courriel.store.StoreException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The domains this server is the final destination for. */
@Service
@Transactional
public class DomainService {

    private final DomainRepository domains;
    private final AccountRepository accounts;
    private final AliasRepository aliases;
    private final DirectoryChanges changes;

    DomainService(DomainRepository domains, AccountRepository accounts, AliasRepository aliases,
            DirectoryChanges changes) {
        this.domains = domains;
        this.accounts = accounts;
        this.aliases = aliases;
        this.changes = changes;
    }

    public String add(String name) {
        String domain = Addresses.domain(name);
        if (domains.findByName(domain).isPresent()) {
            throw StoreException.exists("domain " + domain);
        }
        domains.insert(domain);
        changes.changed();
        return domain;
    }

    /** Removes a domain that has no accounts and no aliases left. */
    public void remove(String name) {
        Domain domain = find(name);
        if (accounts.countByDomain(domain) > 0 || aliases.countByDomain(domain) > 0) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                    "domain " + domain.getName() + " still has accounts or aliases");
        }
        domains.delete(domain);
        changes.changed();
    }

    @Transactional(readOnly = true)
    public List<String> list() {
        return domains.findAll().stream().map(Domain::getName).sorted().toList();
    }

    /** Whether mail for this domain is delivered here. */
    @Transactional(readOnly = true)
    public boolean isLocal(String name) {
        try {
            return domains.findByName(Addresses.domain(name)).isPresent();
        } catch (StoreException e) {
            return false;
        }
    }

    Domain find(String name) {
        return domains.findByName(Addresses.domain(name)).orElseThrow(() -> StoreException.notFound("domain " + name));
    }
}
