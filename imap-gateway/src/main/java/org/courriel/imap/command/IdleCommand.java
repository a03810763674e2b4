package org.courriel.imap.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** IDLE (RFC 2177, RFC 9051 §6.3.13): updates go out as they happen until the client sends DONE. */
public final class IdleCommand implements ImapCommand<NoArguments> {

    @Override
    public String name() {
        return "IDLE";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public NoArguments parse(CommandParser args) {
        return NoArguments.parse(args);
    }

    @Override
    public Completion process(NoArguments request, ImapSession session) {
        String line;
        try {
            line = session.idle();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line == null) {
            // RFC 9051 §7.1.3: nothing to answer on a closed connection, and the client did nothing wrong
            session.logout();
            return Completion.connectionClosed();
        }
        if (!line.equalsIgnoreCase("DONE")) {
            return Completion.bad("Expected DONE");
        }
        return Completion.ok("IDLE terminated");
    }
}
