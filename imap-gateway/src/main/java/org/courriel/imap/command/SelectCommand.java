package org.courriel.imap.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapResponses;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ObjectId;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.imap.protocol.Status;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SelectedMailbox;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Right;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxAccess;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.UidSet;

/**
 * SELECT and EXAMINE (RFC 9051 §6.3.2, §6.3.3) with the CONDSTORE and QRESYNC parameters (RFC 7162 §3.1.8,
 * §3.2.5).
 */
public final class SelectCommand implements ImapCommand<SelectCommand.Request> {

    /** QRESYNC parameters: what the client knew of the mailbox. {@code knownUids} may be null. */
    public record Qresync(long uidValidity, long modseq, SequenceSet knownUids) {
    }

    /** The mailbox and the optional parameters. */
    public record Request(String mailbox, boolean condstore, Qresync qresync) {
    }


    private final boolean readOnly;

    public SelectCommand(boolean readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public String name() {
        return readOnly ? "EXAMINE" : "SELECT";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        String mailbox = MailboxArgument.parse(args);
        boolean condstore = false;
        Qresync qresync = null;
        if (args.skip(' ')) {
            args.expect('(');
            while (!args.skip(')')) {
                args.skip(' ');
                String param = args.atom().toUpperCase(Locale.ROOT);
                switch (param) {
                    case "CONDSTORE" -> condstore = true;
                    case "QRESYNC" -> {
                        args.sp();
                        args.expect('(');
                        long validity = args.number();
                        args.sp();
                        long modseq = args.number(Long.MAX_VALUE);
                        SequenceSet known = null;
                        if (args.skip(' ')) {
                            if (!args.peekIs('(')) {
                                known = args.sequenceSet();
                                args.skip(' ');
                            }
                            if (args.peekIs('(')) {
                                // seq-match-data is only an optimisation: read and ignore it
                                args.expect('(');
                                args.sequenceSet();
                                args.sp();
                                args.sequenceSet();
                                args.expect(')');
                            }
                        }
                        args.expect(')');
                        qresync = new Qresync(validity, modseq, known);
                    }
                    default -> throw new ImapSyntaxException("unknown select parameter " + param);
                }
            }
        }
        args.end();
        return new Request(mailbox, condstore, qresync);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        if (request.qresync() != null && !session.qresync()) {
            // RFC 7162 §3.2.5: QRESYNC must have been enabled first
            return Completion.bad("QRESYNC is not enabled");
        }
        if (session.selected() != null) {
            session.unselect();
            if (session.rev2() || session.qresync()) {
                // RFC 9051 §7.1, RFC 7162 §3.2.11: the previous mailbox is closed
                session.out().status(null, Status.OK, ResponseCode.CLOSED.bare(), "Previous mailbox closed");
            }
        }
        if (request.condstore()) {
            session.enableCondstore();
        }
        Optional<AccessibleMailbox> found = MailboxArgument.existingName(session, request.mailbox())
                .flatMap(name -> session.context().access().find(session.account().id(), name));
        // RFC 4314 §4: SELECT and EXAMINE need "r"; NONEXISTENT or NOPERM as §6 says
        AccessibleMailbox access = MailboxAccess.check(found, request.mailbox(), Right.READ);
        // RFC 4314 §5.2: READ-ONLY when none of "i", "e" and the flag rights is granted
        boolean examine = readOnly || !access.rights().readWrite();
        SelectedMailbox selected = session.select(access.mailbox(), examine, access.rights());
        MailboxInfo mailbox = selected.mailbox();
        var out = session.out();
        out.untagged("FLAGS " + selected.announcedFlags().flags());
        out.untagged(selected.sequence().size() + " EXISTS");
        if (!session.rev2()) {
            out.untagged(selected.recentCount() + " RECENT");
            long unseen = firstUnseen(session, selected);
            if (unseen > 0) {
                out.status(null, Status.OK, ResponseCode.UNSEEN.with(unseen), "First unseen");
            }
        }
        out.status(null, Status.OK, ResponseCode.UIDVALIDITY.with(mailbox.uidValidity()), "UIDs valid");
        out.status(null, Status.OK, ResponseCode.UIDNEXT.with(mailbox.uidNext()), "Predicted next UID");
        out.status(null, Status.OK, ResponseCode.PERMANENTFLAGS.with(selected.announcedFlags().permanentFlags()),
                "Flags permitted");
        // RFC 8474 §4.2: the MAILBOXID in an untagged OK
        out.status(null, Status.OK, ResponseCode.MAILBOXID.with("(" + ObjectId.mailboxId(mailbox.id()) + ")"), "Ok");
        if (session.condstore()) {
            out.status(null, Status.OK, ResponseCode.HIGHESTMODSEQ.with(mailbox.highestModseq()), "Highest");
        }
        if (session.rev2()) {
            out.untagged("LIST () \"/\" " + MailboxArgument.encode(session, access.name()));
        }
        if (request.qresync() != null && request.qresync().uidValidity() == mailbox.uidValidity()) {
            resynchronize(session, selected, request.qresync());
        }
        return Completion.ok((examine ? ResponseCode.READ_ONLY : ResponseCode.READ_WRITE).bare(),
                name() + " completed");
    }

    /** RFC 7162 §3.2.5.1: VANISHED (EARLIER) for what was expunged since, FETCH for what changed since. */
    private static void resynchronize(ImapSession session, SelectedMailbox selected, Qresync q) {
        var messages = session.context().messages();
        List<Long> vanished = messages.expungedSince(selected.id(), q.modseq());
        if (q.knownUids() != null) {
            UidSet known = UidSet.of(q.knownUids().ranges().stream()
                    .map(r -> new UidSet.Range(r.low(), r.high())).toList());
            vanished = vanished.stream().filter(known::contains).toList();
        }
        if (!vanished.isEmpty()) {
            session.out().untagged("VANISHED (EARLIER) " + UidSet.ofSorted(vanished));
        }
        messages.changedSince(selected.id(), q.modseq(), r -> {
            int seq = selected.sequence().seqOf(r.uid());
            if (seq > 0) {
                selected.announcedFlags().before(r.flags(), session.out());
                session.out().untagged(ImapResponses.flagsFetch(seq, r, false, true, true));
            }
        });
    }

    /**
     * The sequence number of the first unseen message (RFC 3501 §6.3.1 UNSEEN), 0 if all are seen, from the store's
     * indexed lookup rather than a scan. A first unseen message that arrived after the session's snapshot has no
     * sequence number yet: then every message the session knows was seen, and there is nothing to announce.
     */
    private static long firstUnseen(ImapSession session, SelectedMailbox selected) {
        long uid = session.context().messages().firstUnseen(selected.id());
        return uid == 0 ? 0 : selected.sequence().seqOf(uid);
    }
}
