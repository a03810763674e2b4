package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.Capabilities;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** CAPABILITY (RFC 9051 §6.1.1). */
public final class CapabilityCommand implements ImapCommand<NoArguments> {

    @Override
    public String name() {
        return "CAPABILITY";
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
        session.out().untagged("CAPABILITY " + Capabilities.of(session));
        return Completion.ok("CAPABILITY completed");
    }
}
