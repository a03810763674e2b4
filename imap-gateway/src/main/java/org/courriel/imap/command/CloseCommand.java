package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/**
 * CLOSE (RFC 9051 §6.4.1): expunges silently when read-write, then leaves the mailbox; UNSELECT (RFC 3691,
 * RFC 9051 §6.4.2) leaves without expunging.
 */
public final class CloseCommand implements ImapCommand<NoArguments> {

    private final boolean expunge;

    public CloseCommand(boolean expunge) {
        this.expunge = expunge;
    }

    @Override
    public String name() {
        return expunge ? "CLOSE" : "UNSELECT";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.SELECT;
    }

    @Override
    public NoArguments parse(CommandParser args) {
        return NoArguments.parse(args);
    }

    @Override
    public Completion process(NoArguments request, ImapSession session) {
        var selected = session.selected();
        // RFC 4314 §4: without "e", CLOSE leaves the messages and still succeeds
        if (expunge && !selected.readOnly() && selected.rights().has(org.courriel.store.acl.Right.EXPUNGE)) {
            session.context().messages().expunge(selected.id(), null);
        }
        session.unselect();
        return Completion.ok(name() + " completed");
    }
}
