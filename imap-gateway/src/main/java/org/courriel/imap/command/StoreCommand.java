package org.courriel.imap.command;

import java.util.List;
import java.util.Locale;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapResponses;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.imap.session.MessageSets;
import org.courriel.imap.session.MessageSetCommand;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SelectedMailbox;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.FlagUpdate;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.UidSet;

/** STORE and UID STORE (RFC 9051 §6.4.6, §6.4.9) with UNCHANGEDSINCE (RFC 7162 §3.1.3). */
public final class StoreCommand extends MessageSetCommand<StoreCommand.Request> {

    /** The set, the change, whether to stay silent, and the UNCHANGEDSINCE value (null when absent). */
    public record Request(SequenceSet set, FlagChange change, boolean silent, Long unchangedSince) {
    }

    public StoreCommand(boolean byUid) {
        super("STORE", byUid);
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        SequenceSet set = args.sequenceSet();
        args.sp();
        Long unchangedSince = null;
        if (args.skip('(')) {
            String modifier = args.atom();
            if (!modifier.equalsIgnoreCase("UNCHANGEDSINCE")) {
                throw new ImapSyntaxException("unknown STORE modifier " + modifier);
            }
            args.sp();
            unchangedSince = args.number(Long.MAX_VALUE);
            args.expect(')');
            args.sp();
        }
        String item = args.atom().toUpperCase(Locale.ROOT);
        FlagChange.Mode mode = FlagChange.Mode.REPLACE;
        if (item.startsWith("+")) {
            mode = FlagChange.Mode.ADD;
            item = item.substring(1);
        } else if (item.startsWith("-")) {
            mode = FlagChange.Mode.REMOVE;
            item = item.substring(1);
        }
        boolean silent = item.equals("FLAGS.SILENT");
        if (!silent && !item.equals("FLAGS")) {
            throw new ImapSyntaxException("expected FLAGS, +FLAGS or -FLAGS");
        }
        args.sp();
        List<String> flags = args.flags();
        args.end();
        for (String f : flags) {
            if (f.equals("\\*")) {
                throw new ImapSyntaxException("\\* is not a flag");
            }
        }
        return new Request(set, new FlagChange(mode, Flags.fromNames(flags)), silent, unchangedSince);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        SelectedMailbox selected = session.selected();
        if (selected.readOnly()) {
            return Completion.no(ResponseCode.READ_ONLY, "Mailbox is read-only");
        }
        if (request.unchangedSince() != null) {
            session.enableCondstore();
        }
        UidSet uids = MessageSets.resolve(selected, request.set(), byUid);
        if (uids.isEmpty()) {
            return Completion.ok("STORE completed");
        }
        // RFC 4314 §4: "s" for \Seen, "t" for \Deleted, "w" for the others; the rest of the change is left out
        FlagUpdate update = session.context().messages().storeFlags(selected.id(), selected.rights(), uids,
                request.change(), request.unchangedSince());
        boolean modseq = session.condstore();
        for (FlagUpdate.MessageFlags m : update.changed()) {
            selected.ownModseq(m.modseq());
            selected.seenModseq(m.modseq());
            int seq = selected.sequence().seqOf(m.uid());
            if (seq > 0 && (!request.silent() || (request.unchangedSince() != null))) {
                MessageRecord r = new MessageRecord(m.uid(), m.modseq(), m.flags(), null, 0, 0, null, null);
                selected.announcedFlags().before(m.flags(), session.out());
                session.out().untagged(ImapResponses.flagsFetch(seq, r, selected.isRecent(m.uid()) && !session.rev2(),
                        byUid, modseq));
            }
        }
        if (!request.silent()) {
            // RFC 9051 §6.4.6: the client sees the flags of every message in the set, changed or not
            for (FlagUpdate.MessageFlags m : update.unchanged()) {
                int seq = selected.sequence().seqOf(m.uid());
                if (seq > 0) {
                    MessageRecord r = new MessageRecord(m.uid(), m.modseq(), m.flags(), null, 0, 0, null, null);
                    selected.announcedFlags().before(m.flags(), session.out());
                    session.out().untagged(ImapResponses.flagsFetch(seq, r,
                            selected.isRecent(m.uid()) && !session.rev2(), byUid, modseq));
                }
            }
        }
        if (!update.modified().isEmpty()) {
            // RFC 7162 §3.1.3: MODIFIED lists what UNCHANGEDSINCE protected, by UID or sequence number
            StringBuilder list = new StringBuilder();
            for (long uid : update.modified()) {
                long n = byUid ? uid : selected.sequence().seqOf(uid);
                if (n > 0) {
                    list.append(list.isEmpty() ? "" : ",").append(n);
                }
            }
            return Completion.ok(ResponseCode.MODIFIED.with(list), "Conditional STORE failed");
        }
        return Completion.ok("STORE completed");
    }
}
