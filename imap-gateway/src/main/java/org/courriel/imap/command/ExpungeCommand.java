package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.message.UidSet;

/**
 * EXPUNGE (RFC 9051 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1, RFC 9051 §6.4.9). The EXPUNGE responses come
 * from the store's event, like another session's expunge, so the sequence map changes in one place.
 */
public final class ExpungeCommand implements ImapCommand<SequenceSet> {

    private final boolean byUid;

    public ExpungeCommand(boolean byUid) {
        this.byUid = byUid;
    }

    @Override
    public String name() {
        return byUid ? "UID EXPUNGE" : "EXPUNGE";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.SELECT;
    }

    @Override
    public SequenceSet parse(CommandParser args) {
        SequenceSet set = null;
        if (byUid) {
            args.sp();
            set = args.sequenceSet();
        }
        args.end();
        return set;
    }

    @Override
    public Completion process(SequenceSet set, ImapSession session) {
        var selected = session.selected();
        if (selected.readOnly()) {
            return Completion.no(ResponseCode.READ_ONLY, "Mailbox is read-only");
        }
        UidSet uids = set == null ? null : selected.sequence().resolve(set, true);
        // RFC 4314 §4: EXPUNGE needs "e"
        session.context().messages().expunge(selected.id(), selected.rights(), uids);
        return Completion.ok("EXPUNGE completed");
    }
}
