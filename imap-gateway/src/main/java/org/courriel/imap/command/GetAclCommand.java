package org.courriel.imap.command;

import java.util.Map;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Rights;

/**
 * GETACL (RFC 4314 §3.3): the mailbox's access control list in one ACL response (§3.6), the owner's implicit
 * entry first among the identifiers in order; needs "a" (§4).
 */
public final class GetAclCommand implements ImapCommand<String> {

    @Override
    public String name() {
        return "GETACL";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public String parse(CommandParser args) {
        args.sp();
        String mailbox = MailboxArgument.parse(args);
        args.end();
        return mailbox;
    }

    @Override
    public Completion process(String mailbox, ImapSession session) {
        String name = AclArguments.mailbox(session, mailbox);
        Map<String, Rights> acl = session.context().access().acl(session.account().id(), name);
        StringBuilder sb = new StringBuilder("ACL ").append(MailboxArgument.encode(session, name));
        acl.forEach((identifier, rights) -> sb.append(' ').append(AclArguments.string(session, identifier))
                .append(' ').append(AclArguments.rights(rights.toString())));
        session.out().untagged(sb.toString());
        return Completion.ok("GETACL completed");
    }
}
