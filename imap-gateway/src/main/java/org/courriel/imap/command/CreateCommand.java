package org.courriel.imap.command;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ObjectId;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapRefusal;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.mailbox.Namespaces;
import org.courriel.store.mailbox.SpecialUse;

/** CREATE (RFC 9051 §6.3.4) with the USE parameter of RFC 6154 §3 and the MAILBOXID of RFC 8474 §4.1. */
public final class CreateCommand implements ImapCommand<CreateCommand.Request> {

    /** The name and the special use asked for, if any. */
    public record Request(String mailbox, SpecialUse use) {
    }

    @Override
    public String name() {
        return "CREATE";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        String mailbox = MailboxArgument.parse(args);
        SpecialUse use = null;
        if (args.skip(' ')) {
            args.expect('(');
            String param = args.atom().toUpperCase(Locale.ROOT);
            if (!param.equals("USE")) {
                throw new ImapSyntaxException("unknown CREATE parameter " + param);
            }
            args.sp();
            List<String> uses = args.flagList();
            if (uses.size() != 1 || (use = SpecialUse.fromAttribute(uses.get(0))) == null) {
                throw new ImapRefusal(ResponseCode.CANNOT, "One known special use, please");
            }
            args.expect(')');
        }
        args.end();
        return new Request(mailbox, use);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        String name = session.decodeName(request.mailbox());
        // RFC 9051 §6.3.4: a trailing delimiter says the client means to create children
        if (name.endsWith(String.valueOf(MailboxName.DELIMITER)) && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        if (MailboxName.isInbox(name)) {
            return Completion.no(ResponseCode.ALREADYEXISTS, "INBOX exists already");
        }
        // RFC 6154 §3: special uses are the owner's to give; a grantee's \Junk would take over the owner's
        // quarantine (and \Sent, \Trash alike)
        if (request.use() != null && Namespaces.isForeign(name)) {
            return Completion.no(ResponseCode.USEATTR, "Special uses are given in one's own mailboxes only");
        }
        // RFC 4314 §4: in another user's or a shared hierarchy, "k" on the nearest existing parent
        long id = session.context().access().create(session.account().id(), name, request.use()).id();
        if (session.context().properties().subscribeOnCreate()) {
            // RFC 9051 §6.3.4 leaves it to the server; off by default, as in Dovecot
            session.context().mailboxes().subscribe(session.account().id(), name);
        }
        // RFC 8474 §4.1: the new mailbox's MAILBOXID in the tagged OK
        return Completion.ok(ResponseCode.MAILBOXID.with("(" + ObjectId.mailboxId(id) + ")"), "CREATE completed");
    }
}
