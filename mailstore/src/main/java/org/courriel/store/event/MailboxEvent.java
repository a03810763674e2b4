package org.courriel.store.event;

import java.util.List;

/**
 * A change to a mailbox, published after its transaction committed, in commit order per mailbox.
 * Small and made of plain values so that a PostgreSQL LISTEN/NOTIFY bridge can carry it between nodes.
 */
public sealed interface MailboxEvent {

    long accountId();

    long mailboxId();

    /** Messages were appended (delivery, APPEND, COPY, MOVE): UIDs below {@code uidNext} may be new. */
    record MessagesAdded(long accountId, long mailboxId, List<Long> uids, long highestModseq) implements MailboxEvent {
    }

    /** Flags of these messages changed, all to the given MODSEQ. */
    record FlagsChanged(long accountId, long mailboxId, List<Long> uids, long highestModseq) implements MailboxEvent {
    }

    /** These messages were expunged (EXPUNGE, MOVE, delete) at the given MODSEQ. */
    record MessagesExpunged(long accountId, long mailboxId, List<Long> uids, long highestModseq)
            implements MailboxEvent {
    }

    /** A mailbox was created, renamed, deleted or (un)subscribed; {@code name} is its name now. */
    record MailboxChanged(long accountId, long mailboxId, String name, Kind kind) implements MailboxEvent {

        /** What happened to the mailbox. */
        public enum Kind { CREATED, RENAMED, DELETED, SUBSCRIPTION }
    }
}
