package org.courriel.imap.session;

import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.store.message.UidSet;

/** Turns the sequence sets of message commands into the store's UID sets. */
public final class MessageSets {

    private MessageSets() {
    }

    /**
     * The UIDs a set names. Sequence numbers past the last message are a client error (RFC 9051 §6.4.8 asks
     * for BAD for an invalid message number); UIDs that do not exist are simply not matched.
     */
    public static UidSet resolve(SelectedMailbox selected, SequenceSet set, boolean byUid) {
        if (!byUid && !selected.sequence().validSequence(set)) {
            throw new ImapSyntaxException("invalid message sequence number");
        }
        return selected.sequence().resolve(set, byUid);
    }
}
