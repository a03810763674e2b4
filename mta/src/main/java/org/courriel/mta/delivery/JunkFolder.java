package org.courriel.mta.delivery;

import org.courriel.store.StoreException;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.mailbox.SpecialUse;

/**
 * The mailbox where quarantined mail goes: the account's {@code \Junk} mailbox (RFC 6154 §2; "Junk" itself when
 * several have the attribute, else the oldest of them), else one named
 * "Junk", created with that attribute when the account has neither (a user may have deleted it).
 */
final class JunkFolder {

    static final String NAME = "Junk";

    private JunkFolder() {
    }

    static long id(MailboxService mailboxes, long accountId) {
        return mailboxes.special(accountId, SpecialUse.JUNK, NAME).map(MailboxInfo::id).orElseGet(() -> {
            try {
                return mailboxes.create(accountId, NAME, SpecialUse.JUNK, true).id();
            } catch (StoreException e) {
                if (e.reason() == StoreException.Reason.ALREADY_EXISTS) {
                    return mailboxes.get(accountId, NAME).id(); // created by another delivery meanwhile
                }
                throw e;
            }
        });
    }
}
