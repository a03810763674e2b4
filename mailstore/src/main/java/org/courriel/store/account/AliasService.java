package org.courriel.store.account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.courriel.store.StoreException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Aliases and catch-alls ({@code @domain}). */
@Service
@Transactional
public class AliasService {

    private final AliasRepository aliases;
    private final AccountRepository accounts;
    private final DomainService domains;
    private final DirectoryChanges changes;

    AliasService(AliasRepository aliases, AccountRepository accounts, DomainService domains,
            DirectoryChanges changes) {
        this.aliases = aliases;
        this.accounts = accounts;
        this.domains = domains;
        this.changes = changes;
    }

    /**
     * Adds an alias, or adds targets to an existing one.
     *
     * @param address an address in a local domain, or {@code @domain} for the domain's catch-all
     * @param targets local or external addresses
     */
    public void add(String address, List<String> targets) {
        String normal = normalAlias(address);
        if (accounts.findByAddress(normal).isPresent()) {
            throw StoreException.exists("account " + normal);
        }
        if (targets.isEmpty()) {
            throw StoreException.invalid("an alias needs at least one target");
        }
        Set<String> normalTargets = new LinkedHashSet<>();
        for (String t : targets) {
            normalTargets.add(Addresses.address(t));
        }
        changes.changed();
        Alias existing = aliases.findByAddress(normal).orElse(null);
        if (existing != null) {
            aliases.addTargets(existing, normalTargets);
            return;
        }
        Domain domain = domains.find(Addresses.domainOf(normal));
        aliases.insert(domain, normal, normalTargets);
    }

    public void remove(String address) {
        Alias alias = aliases.findByAddress(normalAlias(address))
                .orElseThrow(() -> StoreException.notFound("alias " + address));
        aliases.delete(alias);
        changes.changed();
    }

    /** Every alias with its targets, by address. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> list() {
        return aliases.findAllByOrderByAddress().stream().collect(Collectors.toMap(Alias::getAddress,
                a -> List.copyOf(a.getTargets()), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The targets of an alias, or empty when there is no such alias. */
    @Transactional(readOnly = true)
    public List<String> targets(String normalAddress) {
        return aliases.findByAddress(normalAddress).map(a -> List.copyOf(a.getTargets())).orElse(List.of());
    }

    static String normalAlias(String address) {
        if (address != null && address.strip().startsWith("@")) {
            return "@" + Addresses.domain(address.strip().substring(1));
        }
        return Addresses.address(address);
    }
}
