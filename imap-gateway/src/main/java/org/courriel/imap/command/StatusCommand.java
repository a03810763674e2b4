package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ObjectId;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Capabilities;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Right;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxAccess;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxStatus;

/**
 * STATUS (RFC 9051 §6.3.11) with SIZE (RFC 8438), HIGHESTMODSEQ (RFC 7162 §3.1.6), APPENDLIMIT (RFC 7889),
 * MAILBOXID (RFC 8474 §4.3) and RECENT for rev1.
 */
public final class StatusCommand implements ImapCommand<StatusCommand.Request> {

    /** The mailbox and the items asked for, upper case. */
    public record Request(String mailbox, List<String> items) {
    }

    static final Set<String> ITEMS = Set.of("MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "DELETED", "SIZE",
            "RECENT", "HIGHESTMODSEQ", "APPENDLIMIT", "MAILBOXID");

    @Override
    public String name() {
        return "STATUS";
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
        List<String> items = parseItems(args);
        args.end();
        return new Request(mailbox, items);
    }

    static List<String> parseItems(CommandParser args) {
        args.expect('(');
        List<String> items = new ArrayList<>();
        while (!args.skip(')')) {
            if (!items.isEmpty()) {
                args.sp();
            }
            String item = args.atom().toUpperCase(Locale.ROOT);
            if (!ITEMS.contains(item)) {
                throw new ImapSyntaxException("unknown STATUS item " + item);
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw new ImapSyntaxException("STATUS needs at least one item");
        }
        return items;
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        Optional<AccessibleMailbox> found = MailboxArgument.existingName(session, request.mailbox())
                .flatMap(name -> session.context().access().find(session.account().id(), name));
        // RFC 4314 §4: STATUS needs "r"
        AccessibleMailbox mailbox = MailboxAccess.check(found, request.mailbox(), Right.READ);
        session.out().untagged(response(session, mailbox.name(), mailbox.mailbox(), request.items()));
        return Completion.ok("STATUS completed");
    }

    /** {@code STATUS name (ITEM n ...)}, shared with LIST-STATUS (RFC 5819). */
    static String response(ImapSession session, String name, MailboxInfo mailbox, List<String> items) {
        if (items.contains("HIGHESTMODSEQ")) {
            session.enableCondstore();
        }
        MailboxStatus status = session.context().mailboxes().status(mailbox.id());
        StringBuilder sb = new StringBuilder("STATUS ").append(MailboxArgument.encode(session, name)).append(" (");
        boolean first = true;
        for (String item : items) {
            if (!first) {
                sb.append(' ');
            }
            first = false;
            if (item.equals("MAILBOXID")) {
                // RFC 8474 §4.3: MAILBOXID (objectid)
                sb.append("MAILBOXID (").append(ObjectId.mailboxId(mailbox.id())).append(')');
                continue;
            }
            long value = switch (item) {
                case "MESSAGES" -> status.messages();
                case "UIDNEXT" -> status.uidNext();
                case "UIDVALIDITY" -> status.uidValidity();
                case "UNSEEN" -> status.unseen();
                case "DELETED" -> status.deleted();
                case "SIZE" -> status.size();
                case "HIGHESTMODSEQ" -> status.highestModseq();
                case "RECENT" -> recent(session, mailbox.id());
                // RFC 7889 §3: STATUS APPENDLIMIT, here the server-wide limit
                case "APPENDLIMIT" -> Capabilities.appendLimit(session);
                default -> throw new IllegalStateException(item);
            };
            sb.append(item).append(' ').append(value);
        }
        return sb.append(')').toString();
    }

    /** Messages no session has claimed as recent yet (RFC 3501 §6.3.10), counted above the store's watermark. */
    private static long recent(ImapSession session, long mailboxId) {
        return session.context().recent().unclaimed(mailboxId);
    }
}
