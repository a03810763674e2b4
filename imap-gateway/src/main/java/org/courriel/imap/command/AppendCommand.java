package org.courriel.imap.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.DateTimes;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.Flags;

/** APPEND (RFC 9051 §6.3.12) with APPENDUID (RFC 4315 §3); literals may be LITERAL+ (RFC 7888) or literal8 (RFC 3516). */
public final class AppendCommand implements ImapCommand<AppendCommand.Request> {

    /** The mailbox, flags, internal date (null: now) and the message bytes. */
    public record Request(String mailbox, List<String> flags, Instant internalDate, byte[] message) {
        @Override
        public String toString() {
            return "Request[mailbox=" + mailbox + ", size=" + message.length + "]";
        }
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
        args.sp();
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
        args.end();
        return new Request(mailbox, flags, date, message);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        Optional<MailboxInfo> mailbox = session.context().mailboxes()
                .find(session.account().id(), session.decodeName(request.mailbox()));
        if (mailbox.isEmpty()) {
            // RFC 9051 §6.3.12: TRYCREATE when the mailbox does not exist
            return Completion.no(ResponseCode.TRYCREATE, "No such mailbox");
        }
        if (request.message().length == 0) {
            return Completion.no(ResponseCode.CANNOT, "Empty message");
        }
        Instant date = request.internalDate() == null ? Instant.now() : request.internalDate();
        AppendResult result = session.context().messages().append(mailbox.get().id(), request.message(),
                Flags.fromNames(request.flags()), date);
        return Completion.ok(ResponseCode.APPENDUID.with(result.uidValidity() + " " + result.uid()), "APPEND completed");
    }
}
