package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Rights;

/**
 * MYRIGHTS (RFC 4314 §3.5): the user's rights on a mailbox, with the virtual "c" and "d" (§2.1.1). Any of
 * "l", "r", "i", "k", "x", "a" is needed to ask (§4); without, the mailbox is answered as nonexistent (§6).
 */
public final class MyRightsCommand implements ImapCommand<String> {

    @Override
    public String name() {
        return "MYRIGHTS";
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
        Rights rights = session.context().access().myRights(session.account().id(), name);
        // RFC 4314 §3.8: MYRIGHTS mailbox rights
        session.out().untagged("MYRIGHTS " + MailboxArgument.encode(session, name) + " "
                + AclArguments.rights(rights.toString()));
        return Completion.ok("MYRIGHTS completed");
    }
}
