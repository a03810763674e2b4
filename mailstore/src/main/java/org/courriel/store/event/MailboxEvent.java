package org.courriel.store.event;

import java.util.List;
import java.util.Set;

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

    /**
     * Flags of these messages changed, all to the given MODSEQ. {@code flags} holds each message's flags after
     * the change, in the order of {@code uids}; it is null when the event does not carry them (a change read
     * back after a lost connection, one too large for a notification between nodes), and a listener that
     * needs them reads the store.
     */
    record FlagsChanged(long accountId, long mailboxId, List<Long> uids, long highestModseq, List<FlagValues> flags)
            implements MailboxEvent {

        public FlagsChanged {
            uids = List.copyOf(uids);
            flags = flags == null ? null : List.copyOf(flags);
            if (flags != null && flags.size() != uids.size()) {
                throw new IllegalArgumentException("one set of flags per UID");
            }
        }

        /** A change whose flags the listener reads from the store. */
        public FlagsChanged(long accountId, long mailboxId, List<Long> uids, long highestModseq) {
            this(accountId, mailboxId, uids, highestModseq, null);
        }

        public boolean carriesFlags() {
            return flags != null;
        }
    }

    /**
     * A message's flags as plain values: the system flag bits and the keywords of
     * {@link org.courriel.store.message.Flags}, which the event cannot name (the message package publishes events).
     */
    record FlagValues(int system, Set<String> keywords) {

        public FlagValues {
            keywords = Set.copyOf(keywords);
        }
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

    /**
     * Annotations changed (RFC 5464): these entries of the mailbox, or of the server when {@code mailboxId} is 0
     * and {@code mailboxName} empty. Only names travel, never values (RFC 5464 §4.4.2, RFC 5465 §5.9).
     */
    record MetadataChanged(long accountId, long mailboxId, String mailboxName, List<String> entries)
            implements MailboxEvent {

        public MetadataChanged {
            entries = List.copyOf(entries);
        }
    }
}
