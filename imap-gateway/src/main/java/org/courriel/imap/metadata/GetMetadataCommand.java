package org.courriel.imap.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapString;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.metadata.MetadataEntry;
import org.courriel.store.metadata.MetadataService.Depth;

/**
 * GETMETADATA (RFC 5464 §4.2) with MAXSIZE (§4.2.1) and DEPTH (§4.2.2). The options may come before the mailbox,
 * as the grammar of §5 has them, or after it, as the examples of §4.2.1 write them.
 */
public final class GetMetadataCommand implements ImapCommand<GetMetadataCommand.Request> {

    /** The mailbox ("" for the server), the entries (lower case), the size limit (-1: none) and the depth. */
    public record Request(String mailbox, List<String> entries, long maxSize, Depth depth) {
    }

    @Override
    public String name() {
        return "GETMETADATA";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        long[] maxSize = {-1};
        Depth[] depth = {Depth.ZERO};
        if (args.peekIs('(')) {
            options(args, maxSize, depth);
            args.sp();
        }
        String mailbox = args.astring();
        args.sp();
        if (args.peekIs('(') && !optionsSeen(maxSize, depth) && looksLikeOptions(args)) {
            options(args, maxSize, depth);
            args.sp();
        }
        List<String> entries = new ArrayList<>();
        if (args.skip('(')) {
            do {
                entries.add(EntryName.parse(args.astring(), true));
            } while (args.skip(' '));
            args.expect(')');
        } else {
            entries.add(EntryName.parse(args.astring(), true));
        }
        args.end();
        return new Request(mailbox, List.copyOf(new LinkedHashSet<>(entries)), maxSize[0], depth[0]);
    }

    private static boolean optionsSeen(long[] maxSize, Depth[] depth) {
        return maxSize[0] >= 0 || depth[0] != Depth.ZERO;
    }

    /** After the mailbox, "(" starts options when an option name follows, entries otherwise (they start with "/"). */
    private static boolean looksLikeOptions(CommandParser args) {
        CommandParser ahead = new CommandParser(args.rest());
        ahead.expect('(');
        return !ahead.atEnd() && ahead.peek() != '/' && ahead.peek() != '"' && ahead.peek() != '{';
    }

    /** getmetadata-options (RFC 5464 §5): MAXSIZE number, DEPTH ("0" / "1" / "infinity"), each at most once. */
    private static void options(CommandParser args, long[] maxSize, Depth[] depth) {
        args.expect('(');
        Set<String> seen = new LinkedHashSet<>();
        do {
            String option = args.atom().toUpperCase(Locale.ROOT);
            if (!seen.add(option)) {
                throw new ImapSyntaxException("option " + option + " given twice");
            }
            args.sp();
            switch (option) {
                case "MAXSIZE" -> maxSize[0] = args.number();
                case "DEPTH" -> depth[0] = switch (args.atom().toLowerCase(Locale.ROOT)) {
                    case "0" -> Depth.ZERO;
                    case "1" -> Depth.ONE;
                    case "infinity" -> Depth.INFINITY;
                    default -> throw new ImapSyntaxException("DEPTH is 0, 1 or infinity");
                };
                default -> throw new ImapSyntaxException("unknown GETMETADATA option " + option);
            }
        } while (args.skip(' '));
        args.expect(')');
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        String mailbox = request.mailbox().isEmpty() ? "" : session.decodeName(request.mailbox());
        List<MetadataEntry> found = new ArrayList<>(session.context().metadata()
                .get(session.account().id(), mailbox, request.entries(), request.depth()));
        if (mailbox.isEmpty()) {
            admin(session, request, found);
        }
        // RFC 5464 §4.2: an entry asked for by name that has no value is answered NIL
        Set<String> present = new LinkedHashSet<>();
        found.forEach(e -> present.add(e.name()));
        for (String name : request.entries()) {
            if (request.depth() == Depth.ZERO && !present.contains(name) && name.indexOf('/', 1) > 0) {
                found.add(new MetadataEntry(name, null));
            }
        }
        found.sort(java.util.Comparator.comparing(MetadataEntry::name));
        long longest = 0;
        List<MetadataEntry> sent = new ArrayList<>();
        for (MetadataEntry e : found) {
            // RFC 5464 §4.2.1: larger values stay behind, and the largest of them is named in the tagged OK
            if (request.maxSize() >= 0 && e.value() != null && e.value().length > request.maxSize()) {
                longest = Math.max(longest, e.value().length);
            } else {
                sent.add(e);
            }
        }
        if (!sent.isEmpty()) {
            StringBuilder name = new StringBuilder();
            ImapString.string(name, session.encodeName(mailbox), session.utf8());
            MetadataResponse.withValues(session.out(), name.toString(), sent);
        }
        if (longest > 0) {
            return Completion.ok(ResponseCode.METADATA.with("LONGENTRIES " + longest), "GETMETADATA completed");
        }
        return Completion.ok("GETMETADATA completed");
    }

    /** The read-only /shared/admin server entry from the configuration (RFC 5464 §3.2.1.1), when it is asked for. */
    private static void admin(ImapSession session, Request request, List<MetadataEntry> found) {
        String admin = session.context().metadataProperties().admin();
        if (admin.isEmpty()) {
            return;
        }
        String name = "/shared/admin";
        for (String asked : request.entries()) {
            boolean below = name.startsWith(asked + "/")
                    && (request.depth() == Depth.INFINITY
                            || (request.depth() == Depth.ONE && name.indexOf('/', asked.length() + 1) < 0));
            if (asked.equals(name) || below) {
                found.add(new MetadataEntry(name, admin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                return;
            }
        }
    }
}
