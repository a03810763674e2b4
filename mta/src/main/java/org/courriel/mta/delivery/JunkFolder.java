package org.courriel.mta.delivery;

import org.courriel.store.StoreException;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.mailbox.SpecialUse;

/**
 * The mailbox where quarantined mail goes: the account's {@code \Junk} mailbox (RFC 6154 §2; "Junk" itself when
 * several have the attribute, else the oldest of them), else one named
 * "Junk", created with that attribute when the account has neither (a user may have deleted it). A domain-shared
 * mailbox's is its "INBOX/Junk" ({@link #SHARED_NAME}).
 */
final class JunkFolder {

    static final String NAME = "Junk";
    /**
     * A domain-shared mailbox's Junk: under its INBOX, the only tree its readers reach ("Shared Folders/info/Junk"),
     * and created there it inherits the INBOX's access control list, so the same people read it.
     */
    static final String SHARED_NAME = MailboxName.INBOX + MailboxName.DELIMITER + NAME;

    private JunkFolder() {
    }

    static long id(MailboxService mailboxes, long accountId) {
        if (mailboxes.isSharedOwner(accountId)) {
            // nobody logs in to it, so no subscription; its readers subscribe their own view of it
            return mailboxes.find(accountId, SHARED_NAME).map(MailboxInfo::id)
                    .orElseGet(() -> create(mailboxes, accountId, SHARED_NAME, false));
        }
        return mailboxes.special(accountId, SpecialUse.JUNK, NAME).map(MailboxInfo::id)
                .orElseGet(() -> create(mailboxes, accountId, NAME, true));
    }

    private static long create(MailboxService mailboxes, long accountId, String name, boolean subscribe) {
        try {
            return mailboxes.create(accountId, name, SpecialUse.JUNK, subscribe).id();
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.ALREADY_EXISTS) {
                return mailboxes.get(accountId, name).id(); // created by another delivery meanwhile
            }
            throw e;
        }
    }
}
