package org.courriel.api.mailbox;

import java.util.Optional;

import org.courriel.api.problem.ApiException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.mailbox.SpecialUse;
import org.springframework.stereotype.Component;

/**
 * Resolves the mailboxes named in requests, always within the caller's account: a mailbox id of another
 * account is answered exactly like one that does not exist (404), so ids reveal nothing across accounts.
 */
@Component
public class AccountMailboxes {

    private final MailboxService mailboxes;

    public AccountMailboxes(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    public MailboxInfo byId(AccountInfo account, long mailboxId) {
        return mailboxes.find(account.id(), mailboxId)
                .orElseThrow(() -> ApiException.notFound("no mailbox " + mailboxId));
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

    /** The account's mailbox with that special use (RFC 6154), else the one of the conventional name. */
    public Optional<MailboxInfo> special(AccountInfo account, SpecialUse use, String fallbackName) {
        return mailboxes.list(account.id()).stream().filter(m -> m.specialUse() == use).findFirst()
                .or(() -> mailboxes.find(account.id(), fallbackName));
    }
}
