package org.courriel.imap.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.DateTimes;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Capabilities;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapRefusal;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Right;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;

/**
 * APPEND (RFC 9051 §6.3.12) with APPENDUID (RFC 4315 §3), MULTIAPPEND (RFC 3502): several messages in one
 * command, stored in one transaction, and CATENATE (RFC 4469): a message built from literals and URLs of this
 * account's messages ({@link Catenation}). Literals may be LITERAL+ (RFC 7888) or literal8 (RFC 3516); each message
 * and the whole command are within {@code courriel.imap.max-literal-size} (the command reader's bounds).
 */
public final class AppendCommand implements ImapCommand<AppendCommand.Request> {

    /** Most messages in one MULTIAPPEND: one transaction should not hold a mailbox's worth. */
    static final int MAX_MESSAGES = 1000;

    /**
     * One message: flags, internal date (null: now) and its parts: one literal, or the cat-parts of CATENATE
     * (RFC 4469 §3), which {@code catenate} says.
     */
    public record Message(List<String> flags, Instant internalDate, List<Catenation.Part> parts, boolean catenate) {
    }

    /** The mailbox and the messages, in the order given. */
    public record Request(String mailbox, List<Message> messages) {
    }

    @Override
    public String name() {
        return "APPEND";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        String mailbox = MailboxArgument.parse(args);
        List<Message> messages = new ArrayList<>();
        // RFC 3502 §6: append = "APPEND" SP mailbox 1*append-message; append-message = SP append-opts append-data
        do {
            args.sp();
            if (messages.size() == MAX_MESSAGES) {
                throw new ImapRefusal(ResponseCode.LIMIT, "At most " + MAX_MESSAGES + " messages in one APPEND");
            }
            messages.add(message(args));
        } while (args.peekIs(' '));
        args.end();
        return new Request(mailbox, messages);
    }

    private static Message message(CommandParser args) {
        List<String> flags = List.of();
        if (args.peekIs('(')) {
            flags = args.flagList();
            args.sp();
        }
        for (String f : flags) {
            if (f.equalsIgnoreCase("\\Recent") || f.equals("\\*")) {
                throw new ImapSyntaxException("\\Recent and \\* cannot be appended");
            }
        }
        Instant date = null;
        if (args.peekIs('"')) {
            date = DateTimes.dateTime(args.string());
            args.sp();
        }
        if (args.peekKeyword("CATENATE")) {
            return new Message(flags, date, catenate(args), true);
        }
        byte[] message;
        if (args.peekKeyword("UTF8")) {
            // RFC 6855 §4: UTF8 (literal8)
            args.atom();
            args.sp();
            args.expect('(');
            message = args.literal();
            args.expect(')');
        } else {
            message = args.literal();
        }
        return new Message(flags, date, List.of(new Catenation.Part.Text(message)), false);
    }

    /** RFC 4469 §5: "CATENATE" SP "(" cat-part *(SP cat-part) ")", cat-part = "TEXT" SP literal / "URL" SP astring. */
    private static List<Catenation.Part> catenate(CommandParser args) {
        args.atom();
        args.sp();
        args.expect('(');
        List<Catenation.Part> parts = new ArrayList<>();
        do {
            if (!parts.isEmpty()) {
                args.sp();
            }
            if (parts.size() == MAX_MESSAGES) {
                throw new ImapRefusal(ResponseCode.LIMIT, "At most " + MAX_MESSAGES + " parts in one CATENATE");
            }
            String kind = args.atom().toUpperCase(java.util.Locale.ROOT);
            args.sp();
            parts.add(switch (kind) {
                case "TEXT" -> new Catenation.Part.Text(args.literal());
                case "URL" -> new Catenation.Part.Url(args.astring());
                default -> throw new ImapSyntaxException("expected TEXT or URL, not " + kind);
            });
        } while (!args.skip(')'));
        return List.copyOf(parts);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        Optional<AccessibleMailbox> mailbox = session.context().access()
                .find(session.account().id(), session.decodeName(request.mailbox()));
        if (mailbox.isEmpty() || !mailbox.get().has(Right.LOOKUP) && !mailbox.get().has(Right.INSERT)) {
            // RFC 9051 §6.3.12: TRYCREATE when the mailbox does not exist
            return Completion.no(ResponseCode.TRYCREATE, "No such mailbox");
        }
        int urls = request.messages().stream().mapToInt(m -> Catenation.urls(m.parts())).sum();
        if (urls > Catenation.MAX_URLS) {
            // RFC 9051 §7.1: a limit of this server's, not of the protocol
            return Completion.no(ResponseCode.LIMIT, "At most " + Catenation.MAX_URLS + " URLs in one APPEND");
        }
        try (Catenation.Memory memory = new Catenation.Memory(session.context().literalBudget().lease())) {
            return append(request, session, mailbox.get(), memory);
        }
    }

    private static Completion append(Request request, ImapSession session, AccessibleMailbox mailbox,
            Catenation.Memory memory) {
        List<MessageService.NewMessage> batch = new ArrayList<>(request.messages().size());
        Instant now = Instant.now();
        // the messages built by CATENATE together within the APPEND limit, as literals are (RFC 4469 §4.2)
        long budget = Capabilities.appendLimit(session);
        for (Message m : request.messages()) {
            byte[] bytes;
            try {
                bytes = m.catenate() ? Catenation.assemble(session, m.parts(), budget, memory)
                        : ((Catenation.Part.Text) m.parts().get(0)).bytes();
            } catch (Catenation.Refused e) {
                return e.completion;
            }
            if (m.catenate()) {
                budget -= bytes.length;
            }
            if (bytes.length == 0) {
                return Completion.no(ResponseCode.CANNOT, "Empty message");
            }
            batch.add(new MessageService.NewMessage(bytes, Flags.fromNames(m.flags()),
                    m.internalDate() == null ? now : m.internalDate()));
        }
        // RFC 3502 §3: all the messages or none; RFC 4315 §3: APPENDUID with the set of their UIDs
        // RFC 4314 §4: "i" needed; the flags the user's rights do not cover are dropped
        List<AppendResult> results = session.context().messages().appendAll(mailbox.id(), mailbox.rights(), batch);
        UidSet uids = UidSet.ofSorted(results.stream().map(AppendResult::uid).toList());
        return Completion.ok(ResponseCode.APPENDUID.with(results.get(0).uidValidity() + " " + uids), "APPEND completed");
    }
}
