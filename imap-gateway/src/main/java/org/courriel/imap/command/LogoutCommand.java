package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** LOGOUT (RFC 9051 §6.1.3): BYE first, then the tagged OK, then the server closes. */
public final class LogoutCommand implements ImapCommand<NoArguments> {

    @Override
    public String name() {
        return "LOGOUT";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.ANY;
    }

    @Override
    public NoArguments parse(CommandParser args) {
        return NoArguments.parse(args);
    }

    @Override
    public Completion process(NoArguments request, ImapSession session) {
        session.out().untagged("BYE Courriel logging out");
        session.unselect();
        session.logout();
        return Completion.ok("LOGOUT completed");
    }
}
