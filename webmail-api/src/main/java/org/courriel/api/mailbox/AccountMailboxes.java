package org.courriel.api.mailbox;

import java.util.Optional;

import org.courriel.api.problem.ApiException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.acl.Right;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxAccess;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.mailbox.SpecialUse;
import org.springframework.stereotype.Component;

/**
 * Resolves the mailboxes named in requests for the caller: its own, and the ones other accounts shared with it
 * (RFC 4314 rights, decided by the store's {@link MailboxAccess} as for IMAP). A mailbox id the caller has no right
 * on is answered exactly like one that does not exist (404), so ids reveal nothing across accounts.
 */
@Component
public class AccountMailboxes {

    private final MailboxService mailboxes;
    private final MailboxAccess access;

    public AccountMailboxes(MailboxService mailboxes, MailboxAccess access) {
        this.mailboxes = mailboxes;
        this.access = access;
    }

    /** A mailbox the caller may read ("r"): its own or a shared one. */
    public MailboxInfo byId(AccountInfo account, long mailboxId) {
        return readable(account, mailboxId).mailbox();
    }

    /** As {@link #byId}, with the name the caller sees and its rights. */
    public AccessibleMailbox readable(AccountInfo account, long mailboxId) {
        return access.find(account.id(), mailboxId).filter(m -> m.has(Right.READ))
                .orElseThrow(() -> ApiException.notFound("no mailbox " + mailboxId));
    }

    /** One of the caller's own mailboxes (rename, subscribe, delete): another's is answered 404. */
    public MailboxInfo own(AccountInfo account, long mailboxId) {
        return mailboxes.find(account.id(), mailboxId)
                .orElseThrow(() -> ApiException.notFound("no mailbox " + mailboxId));
    }

    /** Every mailbox the caller may read, its own first, with the names it sees (RFC 2342 namespaces). */
    public java.util.List<AccessibleMailbox> readable(AccountInfo account) {
        return access.visible(account.id()).stream().filter(m -> m.has(Right.READ)).toList();
    }

    /** A destination given by id or name (the caller's or a shared one), with the caller's rights on it. */
    public AccessibleMailbox target(AccountInfo account, String idOrName, String field) {
        if (idOrName == null || idOrName.isBlank()) {
            throw ApiException.invalid(field, "a mailbox id or name is required");
        }
        if (idOrName.chars().allMatch(Character::isDigit) && idOrName.length() < 19) {
            Optional<AccessibleMailbox> byId = access.find(account.id(), Long.parseLong(idOrName));
            if (byId.isPresent() && byId.get().has(Right.LOOKUP)) {
                return byId.get();
            }
        }
        return access.find(account.id(), idOrName).filter(m -> m.has(Right.LOOKUP) || m.has(Right.INSERT))
                .orElseThrow(() -> ApiException.notFound("no mailbox " + idOrName));
    }

    /** A mailbox given by id (digits only) or by name in a request body. */
    public MailboxInfo byIdOrName(AccountInfo account, String idOrName, String field) {
        if (idOrName == null || idOrName.isBlank()) {
            throw ApiException.invalid(field, "a mailbox id or name is required");
        }
        if (idOrName.chars().allMatch(Character::isDigit) && idOrName.length() < 19) {
            Optional<MailboxInfo> byId = mailboxes.find(account.id(), Long.parseLong(idOrName));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        return mailboxes.find(account.id(), idOrName)
                .orElseThrow(() -> ApiException.notFound("no mailbox " + idOrName));
    }

    /** The account's mailbox with that special use (RFC 6154), as {@link MailboxService#special} picks it. */
    public Optional<MailboxInfo> special(AccountInfo account, SpecialUse use, String fallbackName) {
        return mailboxes.special(account.id(), use, fallbackName);
    }
}
