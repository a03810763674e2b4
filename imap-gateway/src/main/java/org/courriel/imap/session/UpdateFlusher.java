package org.courriel.imap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.courriel.imap.protocol.ImapResponses;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.UidSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns queued mailbox events into untagged responses (RFC 9051 §7.5.1, RFC 7162 §3.2.10): the session's
 * sequence map changes exactly as the client is told.
 */
final class UpdateFlusher {

    private static final Logger log = LoggerFactory.getLogger(UpdateFlusher.class);

    private UpdateFlusher() {
    }

    static void flush(ChannelImapSession session, SelectedMailbox selected, boolean allowExpunge) {
        flush(session, selected, allowExpunge, true);
    }

    /**
     * As {@link #flush(ChannelImapSession, SelectedMailbox, boolean)}; without {@code reportFlags} the flag changes
     * of others are not sent (NOTIFY without FlagChange for the selected mailbox, RFC 5465 §3.1, §5.1).
     */
    static void flush(ChannelImapSession session, SelectedMailbox selected, boolean allowExpunge, boolean reportFlags) {
        if (selected == null || !selected.hasPending()) {
            return;
        }
        MessageSequence sequence = selected.sequence();
        if (selected.overflowed()) {
            resynchronise(session, selected, allowExpunge);
            selected.contexts().refresh(session, null);
            return;
        }
        if (allowExpunge && !selected.deferredExpunges().isEmpty()) {
            expunge(session, sequence, new ArrayList<>(selected.deferredExpunges()));
            selected.deferredExpunges().clear();
        }
        HeardFlags flagged = new HeardFlags(selected.highestModseq());
        // RFC 5267 §4.3: the messages whose match may have changed
        java.util.Set<Long> changed = new java.util.HashSet<>();
        int told = sequence.size();
        long highest = 0;
        MailboxEvent event;
        while ((event = selected.poll()) != null) {
            switch (event) {
                case MailboxEvent.MessagesAdded a -> {
                    long previousMax = sequence.maxUid();
                    for (long uid : added(session, selected, a)) {
                        sequence.add(uid);
                        if (!selected.contexts().isEmpty()) {
                            changed.add(uid);
                        }
                    }
                    claimRecent(session, selected, previousMax);
                    highest = Math.max(highest, a.highestModseq());
                }
                case MailboxEvent.MessagesExpunged x -> {
                    if (allowExpunge) {
                        // the client must hear of messages before it hears of their expunge
                        told = exists(session, selected, told);
                        expunge(session, sequence, x.uids());
                        told = sequence.size();
                    } else {
                        selected.deferredExpunges().addAll(x.uids());
                    }
                    highest = Math.max(highest, x.highestModseq());
                }
                case MailboxEvent.FlagsChanged f -> {
                    flagged.add(f, selected.isOwnModseq(f.highestModseq()));
                    if (!selected.contexts().isEmpty()) {
                        changed.addAll(f.uids());
                    }
                    highest = Math.max(highest, f.highestModseq());
                }
                case MailboxEvent.MetadataChanged m -> {
                    // annotations are no part of the selected mailbox's view: NOTIFY reports them
                }
                case MailboxEvent.MailboxChanged c -> {
                    // renames keep the selection; a deletion empties it through MessagesExpunged first
                }
            }
        }
        exists(session, selected, told);
        // a message the client will hear is expunged needs no flag update (nor did the store have one to read)
        java.util.Set<Long> expunged = new java.util.HashSet<>(selected.deferredExpunges());
        flagged.keepOnly(uid -> reportFlags && sequence.seqOf(uid) > 0 && !expunged.contains(uid));
        flagged.forEachTold((uid, flags, modseq) -> {
            selected.announcedFlags().before(flags, session.out()); // RFC 9051 §7.3.5: FLAGS before a new keyword
            session.out().untagged(ImapResponses.flagsFetch(sequence.seqOf(uid), uid, flags, modseq,
                    selected.isRecent(uid) && !session.rev2(), session.condstore()));
        });
        List<Long> toRead = flagged.toRead();
        if (!toRead.isEmpty()) {
            for (MessageRecord r : session.flagsOf(selected.id(), toRead)) {
                int seq = sequence.seqOf(r.uid());
                if (seq > 0) {
                    selected.announcedFlags().before(r.flags(), session.out());
                    session.out().untagged(ImapResponses.flagsFetch(seq, r, selected.isRecent(r.uid()) && !session.rev2(),
                            true, session.condstore()));
                }
            }
        }
        selected.seenModseq(highest);
        // RFC 5267 §4.3.2: the contexts change as and when the results do, after EXISTS (§4.3.3)
        selected.contexts().refresh(session, changed);
    }

    /**
     * The UIDs an addition makes known, ascending. Usually the event's own; but when its lowest new UID
     * leaves a gap above the highest the session knows, a message below it may exist whose event is late
     * (it came from another node, or after a reconnect) and would be dropped once a higher UID is known, since
     * UIDs must ascend with sequence numbers (RFC 9051 §2.3.1.1). The store is read for the gap then:
     * every UID below one committed is committed too (UIDs are given out under the mailbox row lock).
     */
    private static TreeSet<Long> added(ChannelImapSession session, SelectedMailbox selected, MailboxEvent.MessagesAdded a) {
        long known = selected.sequence().maxUid();
        TreeSet<Long> uids = new TreeSet<>(a.uids());
        uids.headSet(known, true).clear();
        if (uids.isEmpty() || uids.first() == known + 1) {
            return uids;
        }
        session.context().messages().scan(selected.id(), UidSet.range(known + 1, uids.last()), MessageFields.BASIC,
                r -> uids.add(r.uid()));
        return uids;
    }

    /**
     * After dropped events: the store's UIDs against the session's map. Missing UIDs are expunged (when
     * allowed; otherwise the resynchronisation waits), new ones announced, and flags changed since the last
     * MODSEQ the session reported are sent.
     */
    private static void resynchronise(ChannelImapSession session, SelectedMailbox selected, boolean allowExpunge) {
        if (!allowExpunge) {
            return; // keep the overflow mark until EXPUNGE may be sent
        }
        long since = selected.resynchronised();
        while (selected.poll() != null) {
            // anything queued since is covered by the comparison below
        }
        MessageSequence sequence = selected.sequence();
        long[] current = session.context().messages().uids(selected.id());
        java.util.Set<Long> present = new java.util.HashSet<>();
        for (long uid : current) {
            present.add(uid);
        }
        List<Long> gone = new ArrayList<>();
        for (long uid : sequence.knownUids(UidSet.ALL)) {
            if (!present.contains(uid)) {
                gone.add(uid);
            }
        }
        gone.addAll(selected.deferredExpunges());
        selected.deferredExpunges().clear();
        int told = sequence.size();
        if (!gone.isEmpty()) {
            expunge(session, sequence, gone);
            told = sequence.size();
        }
        long previousMax = sequence.maxUid();
        for (long uid : current) {
            sequence.add(uid);
        }
        claimRecent(session, selected, previousMax);
        exists(session, selected, told);
        long[] highest = {since};
        session.context().messages().changedSince(selected.id(), since, r -> {
            int seq = sequence.seqOf(r.uid());
            // new messages were just announced; the client fetches their flags itself
            if (seq > 0 && r.uid() <= previousMax) {
                selected.announcedFlags().before(r.flags(), session.out());
                session.out().untagged(ImapResponses.flagsFetch(seq, r, selected.isRecent(r.uid()) && !session.rev2(),
                        true, session.condstore()));
            }
            highest[0] = Math.max(highest[0], r.modseq());
        });
        selected.seenModseq(highest[0]);
    }

    /**
     * Claims \Recent for the messages above {@code previousMax} now in the map. The map has changed already and
     * the events are consumed, so the client must hear EXISTS whatever happens here: \Recent is advisory
     * (RFC 3501 §2.3.2, gone in RFC 9051), a claim that fails (it is a database write) counts as nothing claimed.
     */
    private static void claimRecent(ChannelImapSession session, SelectedMailbox selected, long previousMax) {
        long max = selected.sequence().maxUid();
        if (max <= previousMax || selected.readOnly()) {
            return;
        }
        long claimedBefore;
        try {
            claimedBefore = session.context().recent().claimUpTo(selected.id(), max);
        } catch (RuntimeException e) {
            log.warn("IMAP: could not claim \\Recent in mailbox {}, the new messages are not recent: {}",
                    selected.id(), e.toString());
            return;
        }
        selected.addRecent(Math.max(claimedBefore, previousMax), max);
    }

    /** EXISTS (and RECENT for rev1) when the count grew past what the client was told; returns the count told. */
    private static int exists(ChannelImapSession session, SelectedMailbox selected, int told) {
        int size = selected.sequence().size();
        if (size > told) {
            session.out().untagged(size + " EXISTS");
            if (!session.rev2()) {
                session.out().untagged(selected.recentCount() + " RECENT");
            }
        }
        return size;
    }

    /** Removes expunged UIDs from the map and says so: VANISHED with QRESYNC, EXPUNGE otherwise. */
    static void expunge(ChannelImapSession session, MessageSequence sequence, List<Long> uids) {
        SelectedMailbox selected = session.selected();
        if (selected != null && selected.sequence() == sequence) {
            // RFC 5267 §4.3.4: REMOVEFROM before the EXPUNGE, while the sequence numbers are valid
            selected.contexts().expunging(session, uids);
        }
        if (session.qresync()) {
            List<Long> known = uids.stream().filter(uid -> sequence.seqOf(uid) > 0).sorted().distinct().toList();
            sequence.remove(known);
            if (!known.isEmpty()) {
                // RFC 7162 §3.2.10
                session.out().untagged("VANISHED " + UidSet.ofSorted(known));
            }
            return;
        }
        for (int seq : sequence.remove(uids)) {
            session.out().untagged(seq + " EXPUNGE");
        }
    }
}
