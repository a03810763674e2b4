package org.courriel.store.mailbox;

/**
 * A folder: a row of {@code mailbox} ({@link MailboxRepository}). Its counters (uid_next, highest_modseq, and
 * the STATUS counters message_count, unseen_count, deleted_count, total_size) are advanced with plain SQL by
 * {@link org.courriel.store.message.MessageWriter} under the row lock; this class only creates, renames and
 * deletes mailboxes, and the repository never writes the counters back (a rename that restored the values it
 * loaded would undo a delivery that committed in between).
 */
final class Mailbox {

    private Long id;
    private final long accountId;
    private String name;
    private final long uidValidity;
    private final long uidNext;
    private final long highestModseq;
    private final SpecialUse specialUse;

    /** A new mailbox, before it is inserted. */
    Mailbox(long accountId, String name, long uidValidity, SpecialUse specialUse) {
        this(null, accountId, name, uidValidity, 1, 1, specialUse);
    }

    Mailbox(Long id, long accountId, String name, long uidValidity, long uidNext, long highestModseq,
            SpecialUse specialUse) {
        this.id = id;
        this.accountId = accountId;
        this.name = name;
        this.uidValidity = uidValidity;
        this.uidNext = uidNext;
        this.highestModseq = highestModseq;
        this.specialUse = specialUse;
    }

    MailboxInfo info() {
        return new MailboxInfo(id, accountId, name, uidValidity, uidNext, highestModseq, specialUse);
    }

    Long getId() {
        return id;
    }

    void assignId(long id) {
        this.id = id;
    }

    long getAccountId() {
        return accountId;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    long getUidValidity() {
        return uidValidity;
    }

    long getUidNext() {
        return uidNext;
    }

    long getHighestModseq() {
        return highestModseq;
    }

    SpecialUse getSpecialUse() {
        return specialUse;
    }
}
