package org.courriel.imap.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.StoreException;
import org.courriel.store.metadata.MetadataEntry;
import org.courriel.store.metadata.MetadataRefusal;

/**
 * SETMETADATA (RFC 5464 §4.3): sets (or with NIL removes) every entry given, or none when one cannot be set.
 * The bounds are {@code courriel.imap.metadata.*}; who may write what is the store's to decide.
 */
public final class SetMetadataCommand implements ImapCommand<SetMetadataCommand.Request> {

    /** The mailbox ("" for the server) and the entries to set, a null value removing one. */
    public record Request(String mailbox, List<MetadataEntry> entries) {
    }

    @Override
    public String name() {
        return "SETMETADATA";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        String mailbox = args.astring();
        args.sp();
        args.expect('(');
        // the last value given for an entry is the one set
        Map<String, byte[]> entries = new LinkedHashMap<>();
        do {
            String name = EntryName.parse(args.astring(), false);
            args.sp();
            entries.put(name, value(args));
        } while (args.skip(' '));
        args.expect(')');
        args.end();
        List<MetadataEntry> list = new ArrayList<>();
        entries.forEach((name, value) -> list.add(new MetadataEntry(name, value)));
        return new Request(mailbox, list);
    }

    /** RFC 5464 §5: value = nstring / literal8; null for NIL. */
    private static byte[] value(CommandParser args) {
        if (args.peekKeyword("NIL")) {
            if (!args.atom().equalsIgnoreCase("NIL")) {
                throw new ImapSyntaxException("expected a value or NIL");
            }
            return null;
        }
        if (args.peekIs('~')) {
            return args.literal();
        }
        return args.stringBytes();
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        String mailbox = request.mailbox().isEmpty() ? "" : session.decodeName(request.mailbox());
        try {
            session.context().metadata().set(session.account().id(), mailbox, request.entries(),
                    session.context().metadataProperties().limits());
        } catch (MetadataRefusal r) {
            // RFC 5464 §4.3: MAXSIZE names the largest value taken; TOOMANY, a new entry past the count
            return switch (r.bound()) {
                case ENTRY_SIZE -> Completion.no(ResponseCode.METADATA.with("MAXSIZE " + r.limit()), r.getMessage());
                case ENTRY_COUNT -> Completion.no(ResponseCode.METADATA.with("TOOMANY"), r.getMessage());
                case TOTAL_SIZE -> Completion.no(ResponseCode.TOOBIG, r.getMessage());
            };
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.NOT_ALLOWED) {
                // RFC 5464 §3.3: server annotations the client may not create get a NO
                return Completion.no(ResponseCode.NOPERM, e.getMessage());
            }
            throw e;
        }
        return Completion.ok("SETMETADATA completed");
    }
}
