package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/**
 * SUBSCRIBE and UNSUBSCRIBE (RFC 9051 §6.3.7, §6.3.8). The subscription is kept on the mailbox, so only
 * existing mailboxes can be subscribed (RFC 9051 §6.3.7 allows the refusal), and unsubscribing a name that has no
 * mailbox succeeds at once.
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
        if (!subscribe && session.context().mailboxes().find(account, name).isEmpty()) {
            // RFC 9051 §6.3.8: OK "if the mailbox is not subscribed"; the subscription lives on the mailbox, so a
            // name without a mailbox is not subscribed
            return Completion.ok(name() + " completed");
        }
        session.context().mailboxes().setSubscribed(account, name, subscribe);
        return Completion.ok(name() + " completed");
    }
}
