package org.courriel.imap.command;

import java.util.List;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Rights;

/**
 * LISTRIGHTS (RFC 4314 §3.4): what may be granted to an identifier on a mailbox, as the response of §3.7: the
 * rights always granted, then each right that may be granted alone (none is tied here), and the virtual "c" and
 * "d" (§2.1.1); the identifier as the client wrote it. Needs "a" (§4).
 */
public final class ListRightsCommand implements ImapCommand<DeleteAclCommand.Request> {

    @Override
    public String name() {
        return "LISTRIGHTS";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public DeleteAclCommand.Request parse(CommandParser args) {
        args.sp();
        String mailbox = MailboxArgument.parse(args);
        args.sp();
        String identifier = AclArguments.identifier(args);
        args.end();
        return new DeleteAclCommand.Request(mailbox, identifier);
    }

    @Override
    public Completion process(DeleteAclCommand.Request request, ImapSession session) {
        String name = AclArguments.mailbox(session, request.mailbox());
        List<Rights> rights = session.context().access().listRights(session.account().id(), name,
                request.identifier());
        StringBuilder sb = new StringBuilder("LISTRIGHTS ").append(MailboxArgument.encode(session, name)).append(' ')
                .append(AclArguments.string(session, request.identifier()));
        // the first set is granted always: the owner's every right, with "c" and "d"; "" for anyone else
        sb.append(' ').append(AclArguments.rights(rights.get(0).toString()));
        for (Rights optional : rights.subList(1, rights.size())) {
            sb.append(' ').append(optional.stored());
        }
        if (rights.size() > 1) {
            sb.append(" c d");
        }
        session.out().untagged(sb.toString());
        return Completion.ok("LISTRIGHTS completed");
    }
}
