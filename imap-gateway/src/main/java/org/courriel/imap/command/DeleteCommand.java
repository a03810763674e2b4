package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Right;

/** DELETE (RFC 9051 §6.3.5): the store refuses INBOX and mailboxes with children. */
public final class DeleteCommand implements ImapCommand<String> {

    @Override
    public String name() {
        return "DELETE";
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
        String name = session.decodeName(mailbox);
        // RFC 4314 §4: DELETE needs "x"; the ACL goes with the mailbox
        var info = session.context().access().require(session.account().id(), name, Right.DELETE_MAILBOX);
        if (session.selected() != null && session.selected().id() == info.id()) {
            session.unselect();
        }
        session.context().access().delete(session.account().id(), name);
        return Completion.ok("DELETE completed");
    }
}
