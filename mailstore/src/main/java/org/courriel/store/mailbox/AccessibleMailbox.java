package org.courriel.store.mailbox;

import org.courriel.store.acl.Right;
import org.courriel.store.acl.Rights;

/**
 * A mailbox as one account reaches it: the name it sees (its own name, or one in the "Other Users" or "Shared
 * Folders" namespace), the mailbox, and the rights the account holds on it (all of them on its own).
 */
public record AccessibleMailbox(String name, MailboxInfo mailbox, Rights rights) {

    public long id() {
        return mailbox.id();
    }

    /** Whether the mailbox is the account's own (not another user's, not a domain's shared one). */
    public boolean personal() {
        return name.equals(mailbox.name());
    }

    public boolean has(Right right) {
        return rights.has(right);
    }
}
