package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** ID (RFC 2971): the client's fields are read and ignored; the server names itself. */
public final class IdCommand implements ImapCommand<NoArguments> {

    @Override
    public String name() {
        return "ID";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.ANY;
    }

    @Override
    public NoArguments parse(CommandParser args) {
        args.sp();
        if (args.peekKeyword("NIL")) {
            args.nstring();
        } else {
            args.expect('(');
            int fields = 0;
            while (!args.skip(')')) {
                if (fields > 0) {
                    args.sp();
                }
                args.string();
                args.sp();
                args.nstring();
                // RFC 2971 §3.3: at most 30 field-value pairs
                if (++fields > 30) {
                    throw new org.courriel.imap.protocol.ImapSyntaxException("too many ID fields");
                }
            }
        }
        args.end();
        return NoArguments.INSTANCE;
    }

    @Override
    public Completion process(NoArguments request, ImapSession session) {
        session.out().untagged("ID (\"name\" \"Courriel\" \"vendor\" \"Courriel\")");
        return Completion.ok("ID completed");
    }
}
