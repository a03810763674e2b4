package org.courriel.store.account;

import java.util.Optional;

import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which addresses an account may send as (SMTP submission's MAIL FROM, RFC 6409 §4.3 and §6.1; the REST
 * API's From): its own address, a sub-address of it ({@code bob+tag@}), or an alias whose expansion
 * delivers into it. A domain's catch-all does not make its target the owner of every address.
 */
@Service
@Transactional(readOnly = true)
public class AddressOwnership {

    private final AccountRepository accounts;
    private final AliasRepository aliases;
    private final RecipientResolver resolver;
    private final String delimiter;

    AddressOwnership(AccountRepository accounts, AliasRepository aliases, RecipientResolver resolver,
            StoreProperties properties) {
        this.accounts = accounts;
        this.aliases = aliases;
        this.resolver = resolver;
        this.delimiter = properties.recipientDelimiter();
    }

    /** Whether the account {@code accountId} owns {@code address}; false for unparsable addresses. */
    public boolean owns(long accountId, String address) {
        Optional<Account> account = accounts.findById(accountId);
        if (account.isEmpty()) {
            return false;
        }
        String normal;
        try {
            normal = Addresses.address(address);
        } catch (StoreException e) {
            return false;
        }
        String base = withoutDetail(normal);
        String own = account.get().getAddress();
        if (normal.equals(own) || base.equals(own)) {
            return true;
        }
        boolean alias = aliases.findByAddress(normal).isPresent() || aliases.findByAddress(base).isPresent();
        return alias && resolver.resolve(normal) instanceof Recipient.Local local
                && local.accounts().stream().anyMatch(a -> a.id() == accountId);
    }

    private String withoutDetail(String address) {
        if (delimiter == null || delimiter.isEmpty()) {
            return address;
        }
        String local = Addresses.localPartOf(address);
        int cut = local.indexOf(delimiter);
        return cut <= 0 ? address : local.substring(0, cut) + "@" + Addresses.domainOf(address);
    }
}
