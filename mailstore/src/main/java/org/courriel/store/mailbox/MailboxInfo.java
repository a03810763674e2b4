package org.courriel.store.mailbox;

/** A mailbox as the protocols see it. */
public record MailboxInfo(long id, long accountId, String name, long uidValidity, long uidNext, long highestModseq,
        SpecialUse specialUse) {

    public boolean isInbox() {
        return MailboxName.INBOX.equals(name);
    }
}
