package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.PartialRange;
import org.courriel.imap.protocol.ImapString;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.imap.session.MessageSetCommand;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapRefusal;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SelectedMailbox;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.MessageSearch;

/**
 * SEARCH and UID SEARCH (RFC 9051 §6.4.4, RFC 3501 §6.4.4) with CHARSET UTF-8, ESEARCH return options
 * (RFC 4731: MIN, MAX, ALL, COUNT), PARTIAL (RFC 9394 §3.1) and the MODSEQ key (RFC 7162 §3.1.5). IMAP4rev2
 * sessions always get ESEARCH responses (RFC 9051 §7.3.4); rev1 sessions get SEARCH unless they asked for RETURN.
 * RETURN (SAVE) keeps the result for {@code $} in later commands (RFC 5182, SEARCHRES).
 */
public final class SearchCommand extends MessageSetCommand<SearchCommand.Request> {

    /**
     * ESEARCH result options (RFC 4731 §3.1), SAVE (RFC 5182 §2), PARTIAL (RFC 9394 §3.1), and CONTEXT and
     * UPDATE (RFC 5267 §4.2, §4.3).
     */
    public enum ReturnOption { MIN, MAX, ALL, COUNT, SAVE, PARTIAL, CONTEXT, UPDATE }

    /**
     * The result options (null: none given), the PARTIAL range when asked, and the search keys still as bytes
     * (parsed with the session's map).
     */
    public record Request(Set<ReturnOption> returnOptions, PartialRange partial, byte[] keys) {
    }

    private final SearchParser.Limits limits;

    public SearchCommand(boolean byUid, SearchParser.Limits limits) {
        super("SEARCH", byUid);
        this.limits = limits;
    }

    @Override
    public Request parse(CommandParser args) {
        Returns returns = Returns.parse(args, EnumSet.allOf(ReturnOption.class));
        if (peekWord(args, "CHARSET")) {
            args.sp();
            args.atom();
            args.sp();
            checkCharset(args.astring());
        }
        byte[] keys = args.rest();
        SearchParser.parse(new CommandParser(keys), SearchParser.SYNTAX_ONLY, limits);
        return new Request(returns.options(), returns.partial(), keys);
    }

    /** RFC 9051 §6.4.4, RFC 5256 §3: US-ASCII and UTF-8 only; otherwise NO [BADCHARSET]. */
    static void checkCharset(String name) {
        String charset = name.toUpperCase(Locale.ROOT);
        if (!charset.equals("UTF-8") && !charset.equals("US-ASCII")) {
            throw new ImapRefusal(ResponseCode.BADCHARSET, "Only UTF-8 and US-ASCII are supported");
        }
    }

    /**
     * The return options of SEARCH (RFC 4731 §3.1), SORT (RFC 5267 §3.1) and PARTIAL (RFC 9394 §3.1): null
     * options when the command has no RETURN.
     */
    record Returns(Set<ReturnOption> options, PartialRange partial) {

        static Returns parse(CommandParser args, Set<ReturnOption> allowed) {
            if (!peekWord(args, "RETURN")) {
                return new Returns(null, null);
            }
            args.sp();
            args.atom();
            args.sp();
            args.expect('(');
            Set<ReturnOption> options = EnumSet.noneOf(ReturnOption.class);
            PartialRange partial = null;
            while (!args.skip(')')) {
                args.skip(' ');
                String name = args.atom().toUpperCase(Locale.ROOT);
                ReturnOption option;
                try {
                    option = ReturnOption.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new ImapSyntaxException("unsupported RETURN option " + name);
                }
                if (!allowed.contains(option)) {
                    throw new ImapSyntaxException("unsupported RETURN option " + name);
                }
                if (option == ReturnOption.PARTIAL) {
                    args.sp();
                    partial = PartialRange.parse(args);
                }
                options.add(option);
            }
            // RFC 5267 §4.2: CONTEXT is a hint, taken as none
            options.remove(ReturnOption.CONTEXT);
            if (options.isEmpty()) {
                // RFC 4731 §3.1: RETURN () means ALL
                options.add(ReturnOption.ALL);
            }
            if (options.contains(ReturnOption.ALL) && options.contains(ReturnOption.PARTIAL)) {
                // RFC 9394 §3.1: PARTIAL and ALL are mutually exclusive
                throw new ImapSyntaxException("RETURN (ALL) and (PARTIAL) cannot be combined");
            }
            return new Returns(options, partial);
        }
    }

    static boolean peekWord(CommandParser args, String word) {
        byte[] rest = args.rest();
        if (rest.length < word.length() + 2 || rest[0] != ' ') {
            return false;
        }
        String start = new String(rest, 1, word.length(), java.nio.charset.StandardCharsets.US_ASCII);
        return start.equalsIgnoreCase(word) && rest[word.length() + 1] == ' ';
    }

    /** The keys parsed against the session's sequence map. */
    static SearchParser.Result parseKeys(ImapSession session, byte[] keys, SearchParser.Limits limits) {
        SelectedMailbox selected = session.selected();
        SearchParser.Resolver resolver = new SearchParser.Resolver() {
            @Override
            public UidSet uids(SequenceSet set, boolean uid) {
                return selected.sequence().resolve(set, uid);
            }

            @Override
            public UidSet recent() {
                return session.rev2() ? UidSet.of() : selected.recentUids();
            }

            @Override
            public long emailContent(String emailId) {
                return session.context().emailIds().contentOf(emailId);
            }
        };
        return SearchParser.parse(new CommandParser(keys), resolver, limits);
    }

    /** The UIDs of the selected mailbox's messages that match, ascending: only those the session has been told of. */
    static List<Long> matches(ImapSession session, SearchParser.Result parsed) {
        SelectedMailbox selected = session.selected();
        if (parsed.usesModseq()) {
            session.enableCondstore();
        }
        MessageSearch search = session.context().search();
        List<Long> found = new ArrayList<>();
        for (long uid : search.search(selected.id(), parsed.key())) {
            if (selected.sequence().seqOf(uid) > 0) {
                found.add(uid);
            }
        }
        return found;
    }

    /** RFC 5267 §4.3: BAD for UPDATE with a tag an updating context already has; null otherwise. */
    static Completion refusedUpdate(ImapSession session, Set<ReturnOption> options) {
        if (options == null || !options.contains(ReturnOption.UPDATE)) {
            return null;
        }
        if (session.selected().contexts().has(session.currentTag())) {
            return Completion.bad("Tag reuse: this tag already names an updating context");
        }
        return null;
    }

    /** RFC 5267 §4.3.1: keeps the context, or says NOUPDATE when there are already as many as the server keeps. */
    static void keep(ImapSession session, Set<ReturnOption> options, java.util.function.Supplier<ResultContext> context) {
        if (options == null || !options.contains(ReturnOption.UPDATE)) {
            return;
        }
        if (session.selected().contexts().full()) {
            StringBuilder sb = new StringBuilder("NO [NOUPDATE ");
            ImapString.string(sb, session.currentTag(), false);
            sb.append("] Too many contexts, no updates for this one");
            session.out().untagged(sb);
            return;
        }
        session.selected().contexts().add(context.get());
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        Completion refused = refusedUpdate(session, request.returnOptions());
        if (refused != null) {
            return refused;
        }
        SelectedMailbox selected = session.selected();
        SearchParser.Result parsed = parseKeys(session, request.keys(), limits);
        boolean save = request.returnOptions() != null && request.returnOptions().contains(ReturnOption.SAVE);
        if (save) {
            // RFC 5182 §2.1: a SAVE answered NO leaves the variable empty; one answered BAD (above) leaves it alone
            selected.sequence().saveResult(UidSet.of());
        }
        List<Long> found = matches(session, parsed);
        Map<Long, Long> modseqs = new HashMap<>();
        if (parsed.usesModseq() && !found.isEmpty()) {
            session.context().messages().scan(selected.id(), UidSet.ofSorted(found), MessageFields.BASIC,
                    r -> modseqs.put(r.uid(), r.modseq()));
        }
        if (save) {
            selected.sequence().saveResult(saved(request.returnOptions(), found));
        }
        long highestModseq = highest(modseqs, found);
        List<Long> numbers = found;
        if (!byUid) {
            numbers = found.stream().map(uid -> (long) selected.sequence().seqOf(uid)).toList();
        }
        if (request.returnOptions() == null && !session.rev2()) {
            StringBuilder sb = new StringBuilder("SEARCH");
            for (long n : numbers) {
                sb.append(' ').append(n);
            }
            if (highestModseq > 0) {
                sb.append(" (MODSEQ ").append(highestModseq).append(')');
            }
            session.out().untagged(sb);
        } else if (request.returnOptions() == null || !request.returnOptions().equals(EnumSet.of(ReturnOption.SAVE))) {
            // RFC 5182 §2.4: SAVE alone suppresses the ESEARCH response
            session.out().untagged(esearch(session, request, numbers, returnedModseq(request, found, modseqs)));
        }
        keep(session, request.returnOptions(), () -> new ResultContext(session.currentTag(), byUid, parsed, null, found));
        return Completion.ok(name() + " completed");
    }

    /**
     * RFC 5182 §2.4: with MIN or MAX (or both) and neither ALL nor COUNT, only those messages are saved;
     * otherwise every message found.
     */
    private static UidSet saved(Set<ReturnOption> options, List<Long> found) {
        boolean min = options.contains(ReturnOption.MIN);
        boolean max = options.contains(ReturnOption.MAX);
        if (found.isEmpty() || (!min && !max) || options.contains(ReturnOption.ALL)
                || options.contains(ReturnOption.COUNT)) {
            return UidSet.ofSorted(found);
        }
        List<Long> kept = new ArrayList<>();
        if (min) {
            kept.add(found.get(0));
        }
        if (max && (!min || found.size() > 1)) {
            kept.add(found.get(found.size() - 1));
        }
        return UidSet.ofSorted(kept);
    }

    private static long highest(Map<Long, Long> modseqs, List<Long> uids) {
        long max = 0;
        for (long uid : uids) {
            max = Math.max(max, modseqs.getOrDefault(uid, 0L));
        }
        return max;
    }

    /**
     * RFC 4731 §3.2: with MIN or MAX alone the MODSEQ is that of the message returned; with MIN and MAX (no
     * ALL or COUNT) the higher of those two; otherwise the highest of all the messages found.
     */
    private static long returnedModseq(Request request, List<Long> found, Map<Long, Long> modseqs) {
        Set<ReturnOption> options = request.returnOptions();
        if (found.isEmpty() || options == null || options.contains(ReturnOption.ALL) || options.contains(ReturnOption.COUNT)) {
            return highest(modseqs, found);
        }
        List<Long> returned = new ArrayList<>();
        if (options.contains(ReturnOption.MIN)) {
            returned.add(found.get(0));
        }
        if (options.contains(ReturnOption.MAX)) {
            returned.add(found.get(found.size() - 1));
        }
        return highest(modseqs, returned.isEmpty() ? found : returned);
    }

    /** RFC 4731 §3.1 / RFC 9051 §7.3.4: {@code ESEARCH (TAG "t") [UID] MIN n MAX n COUNT n ALL set}. */
    private String esearch(ImapSession session, Request request, List<Long> numbers, long highestModseq) {
        Set<ReturnOption> options = request.returnOptions() == null ? EnumSet.of(ReturnOption.ALL) : request.returnOptions();
        return EsearchResponse.of(session.currentTag(), byUid, options, request.partial(), numbers, highestModseq,
                n -> UidSet.ofSorted(n).toString());
    }
}
