package org.courriel.imap.command;

import java.util.Optional;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.imap.protocol.Status;
import org.courriel.imap.session.MessageSets;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SelectedMailbox;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Right;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.message.CopyResult;
import org.courriel.store.message.UidSet;

/**
 * COPY, UID COPY (RFC 9051 §6.4.7) with COPYUID (RFC 4315 §3), and MOVE, UID MOVE (RFC 6851): MOVE reports
 * COPYUID in an untagged OK before the EXPUNGE responses of the moved messages (RFC 6851 §4.3).
 */
public final class CopyCommand implements ImapCommand<CopyCommand.Request> {

    /** The messages and the destination. */
    public record Request(SequenceSet set, String mailbox) {
    }

    private final boolean move;
    private final boolean byUid;

    public CopyCommand(boolean move, boolean byUid) {
        this.move = move;
        this.byUid = byUid;
    }

    @Override
    public String name() {
        return (byUid ? "UID " : "") + (move ? "MOVE" : "COPY");
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.SELECT;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        SequenceSet set = args.sequenceSet();
        args.sp();
        String mailbox = MailboxArgument.parse(args);
        args.end();
        return new Request(set, mailbox);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        SelectedMailbox selected = session.selected();
        if (move && selected.readOnly()) {
            return Completion.no(ResponseCode.READ_ONLY, "Mailbox is read-only");
        }
        Optional<AccessibleMailbox> target = session.context().access()
                .find(session.account().id(), session.decodeName(request.mailbox()));
        if (target.isEmpty() || !target.get().has(Right.LOOKUP) && !target.get().has(Right.INSERT)) {
            return Completion.no(ResponseCode.TRYCREATE, "No such mailbox");
        }
        UidSet uids = MessageSets.resolve(selected, request.set(), byUid);
        long[] known = selected.sequence().knownUids(uids);
        if (known.length == 0) {
            return Completion.ok(name() + " completed");
        }
        UidSet set = UidSet.of(known);
        var messages = session.context().messages();
        // RFC 4314 §4, RFC 6851 §4.2: "i" on the target, "t" and "e" on the source of a MOVE
        CopyResult result = move
                ? messages.move(selected.id(), selected.rights(), set, target.get().id(), target.get().rights())
                : messages.copy(selected.id(), set, target.get().id(), target.get().rights());
        if (result.isEmpty()) {
            return Completion.ok(name() + " completed");
        }
        String copyUid = result.destinationUidValidity() + " " + UidSet.ofSorted(result.sourceUids()) + " "
                + UidSet.ofSorted(result.destinationUids());
        if (move) {
            session.out().status(null, Status.OK, ResponseCode.COPYUID.with(copyUid), "Moved");
            return Completion.ok(name() + " completed");
        }
        return Completion.ok(ResponseCode.COPYUID.with(copyUid), name() + " completed");
    }
}
