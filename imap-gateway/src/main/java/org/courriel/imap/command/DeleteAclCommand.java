package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** DELETEACL (RFC 4314 §3.2): removes an identifier's entry from a mailbox's ACL; needs "a" (§4). */
public final class DeleteAclCommand implements ImapCommand<DeleteAclCommand.Request> {

    /** The mailbox and the identifier. */
    public record Request(String mailbox, String identifier) {
    }

    @Override
    public String name() {
        return "DELETEACL";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        String mailbox = MailboxArgument.parse(args);
        args.sp();
        String identifier = AclArguments.identifier(args);
        args.end();
        return new Request(mailbox, identifier);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        String name = AclArguments.mailbox(session, request.mailbox());
        session.context().access().deleteAcl(session.account().id(), name, request.identifier());
        return Completion.ok("DELETEACL completed");
    }
}
