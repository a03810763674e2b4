package org.courriel.store.account;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.courriel.store.StoreException;
import org.courriel.store.acl.Rights;
import org.courriel.store.mailbox.MailboxAccess;
import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.mailbox.Namespaces;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Domain-shared mailboxes (info@example.org): an address that receives mail into one INBOX which the accounts
 * its ACL names read as {@code Shared Folders/info} (RFC 2342 shared namespace, RFC 4314 rights). The owner is an
 * account row marked shared ({@link AccountService#createShared}); the grants are the ACL of its INBOX. The admin
 * command line and the REST admin API both come here.
 */
@Service
public class SharedMailboxes {

    /** A shared mailbox: its address, the folder its readers see, and who holds which rights. */
    public record SharedMailbox(String address, String folder, SortedMap<String, String> grants) {
    }

    private final AccountService accounts;
    private final MailboxAccess access;

    SharedMailboxes(AccountService accounts, MailboxAccess access) {
        this.accounts = accounts;
        this.access = access;
    }

    /**
     * Creates the shared mailbox with these grants (identifier to rights letters, RFC 4314 §2.1), in one
     * transaction: a grant that is refused (an unknown account) leaves nothing behind. The quota is as for a
     * user's account (0: none).
     */
    @Transactional
    public SharedMailbox add(String address, String displayName, Map<String, String> grants, long quotaBytes) {
        Map<String, Rights> parsed = parse(grants);
        AccountInfo owner = accounts.createShared(address, displayName, quotaBytes);
        parsed.forEach((identifier, rights) -> access.setAcl(owner.id(), MailboxName.INBOX, identifier, rights));
        return get(owner.address());
    }

    /** Gives an identifier these rights on the shared mailbox, replacing what it held; none removes it. */
    public SharedMailbox grant(String address, String identifier, String rights) {
        AccountInfo owner = owner(address);
        Rights parsed = parse(Map.of(identifier, rights)).values().iterator().next();
        if (parsed.isEmpty()) {
            access.deleteAcl(owner.id(), MailboxName.INBOX, identifier);
        } else {
            access.setAcl(owner.id(), MailboxName.INBOX, identifier, parsed);
        }
        return get(address);
    }

    public SharedMailbox get(String address) {
        AccountInfo owner = owner(address);
        SortedMap<String, String> grants = new TreeMap<>();
        access.acl(owner.id(), MailboxName.INBOX).forEach((id, rights) -> grants.put(id, rights.stored()));
        String local = owner.address().substring(0, owner.address().lastIndexOf('@'));
        return new SharedMailbox(owner.address(), Namespaces.SHARED_FOLDERS + MailboxName.DELIMITER + local,
                Collections.unmodifiableSortedMap(grants));
    }

    public List<SharedMailbox> list() {
        return accounts.listShared().stream().map(a -> get(a.address())).toList();
    }

    /** Deletes the shared mailbox, its messages and its ACL. */
    public void delete(String address) {
        accounts.delete(owner(address).address());
    }

    private AccountInfo owner(String address) {
        AccountInfo owner = accounts.find(address).orElseThrow(() -> StoreException.notFound("shared mailbox " + address));
        if (!accounts.isShared(owner.address())) {
            throw StoreException.notFound("shared mailbox " + address);
        }
        return owner;
    }

    private static Map<String, Rights> parse(Map<String, String> grants) {
        Map<String, Rights> parsed = new TreeMap<>();
        grants.forEach((identifier, rights) -> {
            try {
                parsed.put(identifier, Rights.parse(rights == null ? "" : rights));
            } catch (IllegalArgumentException e) {
                throw StoreException.invalid(e.getMessage() + " (" + identifier + "=" + rights + ")");
            }
        });
        return parsed;
    }
}
