package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** NOOP (RFC 9051 §6.1.2) and CHECK (RFC 3501 §6.4.1, gone in rev2): the pending updates are sent by the dispatcher. */
public final class NoopCommand implements ImapCommand<NoArguments> {

    private final String name;

    public NoopCommand(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<SessionState> validIn() {
        return name.equals("CHECK") ? SessionState.SELECT : SessionState.ANY;
    }

    @Override
    public NoArguments parse(CommandParser args) {
        return NoArguments.parse(args);
    }

    @Override
    public Completion process(NoArguments request, ImapSession session) {
        return Completion.ok(name + " completed");
    }
}
