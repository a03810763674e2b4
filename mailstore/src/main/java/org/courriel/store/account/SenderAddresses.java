package org.courriel.store.account;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which addresses an account may send from (the From of a message it submits, over SMTP submission or the
 * REST API): its own address, its sub-addresses ({@code bob+lists@...} when a delimiter is configured), and
 * every alias that delivers to it, directly or through other aliases. A domain's catch-all does not make
 * every address of the domain the account's own.
 */
@Service
@Transactional(readOnly = true)
public class SenderAddresses {

    private final AliasService aliases;
    private final String delimiter;

    SenderAddresses(AliasService aliases, StoreProperties properties) {
        this.aliases = aliases;
        this.delimiter = properties.recipientDelimiter();
    }

    /** Whether the account may use {@code address} as its From address; false for an invalid address. */
    public boolean mayUse(AccountInfo account, String address) {
        String normal;
        try {
            normal = Addresses.address(address);
        } catch (StoreException e) {
            return false;
        }
        String base = withoutDetail(normal);
        return deliversTo(normal, account.address(), new HashSet<>(), 0)
                || (!base.equals(normal) && deliversTo(base, account.address(), new HashSet<>(), 0));
    }

    /** The account's address followed by the aliases that deliver to it, by address. */
    public List<String> addressesOf(AccountInfo account) {
        List<String> list = new ArrayList<>();
        list.add(account.address());
        for (Map.Entry<String, List<String>> alias : aliases.list().entrySet()) {
            if (!alias.getKey().startsWith("@") && deliversTo(alias.getKey(), account.address(), new HashSet<>(), 0)) {
                list.add(alias.getKey());
            }
        }
        return List.copyOf(list);
    }

    /** Whether mail to {@code address} reaches {@code account}, aliases expanded to the resolver's depth. */
    private boolean deliversTo(String address, String account, Set<String> seen, int depth) {
        if (address.equals(account)) {
            return true;
        }
        if (depth > RecipientResolver.MAX_ALIAS_DEPTH || !seen.add(address)) {
            return false;
        }
        for (String target : aliases.targets(address)) {
            if (deliversTo(target, account, seen, depth + 1)) {
                return true;
            }
        }
        return false;
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
