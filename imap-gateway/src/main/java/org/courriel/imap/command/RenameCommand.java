package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** RENAME (RFC 9051 §6.3.6): inferiors follow; renaming INBOX moves its messages. */
public final class RenameCommand implements ImapCommand<RenameCommand.Request> {

    /** The existing and the new name. */
    public record Request(String from, String to) {
    }

    @Override
    public String name() {
        return "RENAME";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        String from = MailboxArgument.parse(args);
        args.sp();
        String to = MailboxArgument.parse(args);
        args.end();
        return new Request(from, to);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        // RFC 4314 §4: "x" on the mailbox and "k" on the new parent outside the personal namespace
        session.context().access().rename(session.account().id(), session.decodeName(request.from()),
                session.decodeName(request.to()));
        return Completion.ok("RENAME completed");
    }
}
