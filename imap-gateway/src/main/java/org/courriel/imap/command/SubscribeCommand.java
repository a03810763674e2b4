package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/**
 * SUBSCRIBE and UNSUBSCRIBE (RFC 9051 §6.3.7, §6.3.8). Subscriptions are names kept apart from the mailboxes: a
 * name without a mailbox may be subscribed (RFC 9051 §6.3.7 lets the server refuse it; we do not),
 * and a subscription stays when its mailbox is deleted or renamed (RFC 3501 §6.3.6).
 */
public final class SubscribeCommand implements ImapCommand<String> {

    private final boolean subscribe;

    public SubscribeCommand(boolean subscribe) {
        this.subscribe = subscribe;
    }

    @Override
    public String name() {
        return subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE";
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
        long account = session.account().id();
        if (subscribe) {
            session.context().mailboxes().subscribe(account, name);
        } else {
            // RFC 9051 §6.3.8: OK also "if the mailbox is not subscribed"
            session.context().mailboxes().unsubscribe(account, name);
        }
        return Completion.ok(name() + " completed");
    }
}
