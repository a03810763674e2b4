package org.courriel.imap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.courriel.store.event.MailboxEvent;
import org.courriel.store.message.Flags;

/**
 * The flag changes one flush of updates tells the client (RFC 9051 §7.5.2, with MODSEQ per RFC 7162 §3.2.4):
 * per message the latest change heard. Its flags come from the event when it carries them and is newer than
 * anything the session knew, so an IDLE session answers without reading the store; otherwise (a change read
 * back after a reconnect, one too large to cross nodes with its flags, one that may have been overtaken)
 * the store is read for that message. A change this session made itself was told in its STORE reply.
 */
final class HeardFlags {

    /** The latest change heard of one message; {@code flags} is null when the store must be read. */
    private record Change(long modseq, Flags flags, boolean own) {
    }

    private final long known;
    private final TreeMap<Long, Change> byUid = new TreeMap<>();

    /** @param known the highest MODSEQ the session knew before these events */
    HeardFlags(long known) {
        this.known = known;
    }

    void add(MailboxEvent.FlagsChanged event, boolean own) {
        // an event not newer than what the session knew may be late (from another node): the store decides
        boolean trusted = event.carriesFlags() && event.highestModseq() > known;
        for (int i = 0; i < event.uids().size(); i++) {
            Flags flags = trusted ? Flags.of(event.flags().get(i)) : null;
            byUid.merge(event.uids().get(i), new Change(event.highestModseq(), flags, own),
                    (old, next) -> next.modseq() >= old.modseq() ? next : old);
        }
    }

    /** Forgets the messages the client does not know (expunged meanwhile, or not yet announced). */
    void keepOnly(java.util.function.LongPredicate known) {
        byUid.keySet().removeIf(uid -> !known.test(uid));
    }

    /** The messages whose flags must be read from the store, ascending. */
    List<Long> toRead() {
        List<Long> uids = new ArrayList<>();
        byUid.forEach((uid, c) -> {
            if (!c.own() && c.flags() == null) {
                uids.add(uid);
            }
        });
        return uids;
    }

    /** The messages whose flags the events told, ascending by UID, with flags and MODSEQ. */
    void forEachTold(Told consumer) {
        for (Map.Entry<Long, Change> e : byUid.entrySet()) {
            Change c = e.getValue();
            if (!c.own() && c.flags() != null) {
                consumer.accept(e.getKey(), c.flags(), c.modseq());
            }
        }
    }

    @FunctionalInterface
    interface Told {
        void accept(long uid, Flags flags, long modseq);
    }
}
