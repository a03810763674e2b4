package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** NAMESPACE (RFC 2342, RFC 9051 §6.3.10): one personal namespace with '/' as delimiter, nothing shared. */
public final class NamespaceCommand implements ImapCommand<NoArguments> {

    @Override
    public String name() {
        return "NAMESPACE";
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
        session.out().untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        return Completion.ok("NAMESPACE completed");
    }
}
