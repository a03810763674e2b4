package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.imap.command.SearchCommand.ReturnOption;
import org.courriel.imap.command.SearchCommand.Returns;
import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.PartialRange;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.MessageSetCommand;
import org.courriel.imap.session.SelectedMailbox;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.MessageQuery;
import org.courriel.store.search.SortCriterion;

/**
 * SORT and UID SORT (RFC 5256 §3) with the DISPLAYFROM and DISPLAYTO keys (RFC 5957 §4), ESORT's return
 * options MIN, MAX, ALL, COUNT (RFC 5267 §3) and PARTIAL (RFC 9394 §3). The search is SEARCH's; the store orders
 * the matches by the sort keys it computed when the messages arrived.
 */
public final class SortCommand extends MessageSetCommand<SortCommand.Request> {

    /** RFC 5267 §3.1, §4.1: the return options of SORT; SAVE is SEARCH's alone here. */
    private static final Set<ReturnOption> RETURNS = EnumSet.of(ReturnOption.MIN, ReturnOption.MAX, ReturnOption.ALL,
            ReturnOption.COUNT, ReturnOption.PARTIAL, ReturnOption.CONTEXT, ReturnOption.UPDATE);

    /** The return options (null: a plain SORT response), the criteria, and the search keys still as bytes. */
    public record Request(Set<ReturnOption> returnOptions, PartialRange partial, List<SortCriterion> criteria,
            byte[] keys) {
    }

    private final SearchParser.Limits limits;

    public SortCommand(boolean byUid, SearchParser.Limits limits) {
        super("SORT", byUid);
        this.limits = limits;
    }

    @Override
    public Request parse(CommandParser args) {
        Returns returns = Returns.parse(args, RETURNS);
        args.sp();
        List<SortCriterion> criteria = criteria(args);
        // RFC 5256 §3: the charset is mandatory
        args.sp();
        SearchCommand.checkCharset(args.astring());
        byte[] keys = args.rest();
        SearchParser.parse(new CommandParser(keys), SearchParser.SYNTAX_ONLY, limits);
        return new Request(returns.options(), returns.partial(), criteria, keys);
    }

    /** RFC 5256 §5: sort-criteria = "(" sort-criterion *(SP sort-criterion) ")"; RFC 5957 §5 adds two keys. */
    static List<SortCriterion> criteria(CommandParser args) {
        args.expect('(');
        List<SortCriterion> criteria = new ArrayList<>();
        do {
            String word = args.atom().toUpperCase(Locale.ROOT);
            boolean reverse = word.equals("REVERSE");
            if (reverse) {
                args.sp();
                word = args.atom().toUpperCase(Locale.ROOT);
            }
            criteria.add(new SortCriterion(key(word), reverse));
        } while (args.skip(' '));
        args.expect(')');
        return List.copyOf(criteria);
    }

    private static MessageQuery.Sort key(String word) {
        return switch (word) {
            case "ARRIVAL" -> MessageQuery.Sort.ARRIVAL;
            case "CC" -> MessageQuery.Sort.CC;
            case "DATE" -> MessageQuery.Sort.DATE;
            case "FROM" -> MessageQuery.Sort.FROM;
            case "SIZE" -> MessageQuery.Sort.SIZE;
            case "SUBJECT" -> MessageQuery.Sort.SUBJECT;
            case "TO" -> MessageQuery.Sort.TO;
            case "DISPLAYFROM" -> MessageQuery.Sort.DISPLAYFROM;
            case "DISPLAYTO" -> MessageQuery.Sort.DISPLAYTO;
            default -> throw new ImapSyntaxException("unknown sort key " + word);
        };
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        Completion refused = SearchCommand.refusedUpdate(session, request.returnOptions());
        if (refused != null) {
            return refused;
        }
        SelectedMailbox selected = session.selected();
        SearchParser.Result parsed = SearchCommand.parseKeys(session, request.keys(), limits);
        List<Long> found = SearchCommand.matches(session, parsed);
        List<Long> sorted = session.context().listing().sort(selected.id(), request.criteria(), found);
        List<Long> numbers = byUid ? sorted
                : sorted.stream().map(uid -> (long) selected.sequence().seqOf(uid)).toList();
        long modseq = parsed.usesModseq() ? highestModseq(session, request, sorted) : 0;
        if (request.returnOptions() == null) {
            StringBuilder sb = new StringBuilder("SORT");
            numbers.forEach(n -> sb.append(' ').append(n));
            if (modseq > 0) {
                // RFC 7162 §3.1.5: SORT with MODSEQ answers the highest mod-sequence of the messages
                sb.append(" (MODSEQ ").append(modseq).append(')');
            }
            session.out().untagged(sb);
        } else {
            session.out().untagged(esearch(session, request, numbers, modseq));
        }
        SearchCommand.keep(session, request.returnOptions(),
                () -> new ResultContext(session.currentTag(), byUid, parsed, request.criteria(), sorted));
        return Completion.ok(name() + " completed");
    }

    /** The highest MODSEQ of the messages returned (RFC 7162 §3.1.5; with MIN or MAX alone, that message's). */
    private static long highestModseq(ImapSession session, Request request, List<Long> sorted) {
        List<Long> returned = sorted;
        Set<ReturnOption> options = request.returnOptions();
        if (!sorted.isEmpty() && options != null && !options.contains(ReturnOption.ALL)
                && !options.contains(ReturnOption.COUNT)) {
            returned = new ArrayList<>();
            if (options.contains(ReturnOption.MIN)) {
                returned.add(sorted.get(0));
            }
            if (options.contains(ReturnOption.MAX)) {
                returned.add(sorted.get(sorted.size() - 1));
            }
            if (request.partial() != null) {
                returned.addAll(request.partial().of(sorted));
            }
        }
        if (returned.isEmpty()) {
            return 0;
        }
        long[] max = {0};
        session.context().messages().scan(session.selected().id(), UidSet.of(returned.stream().mapToLong(Long::longValue)
                .toArray()), MessageFields.BASIC, r -> max[0] = Math.max(max[0], r.modseq()));
        return max[0];
    }

    /**
     * RFC 5267 §3.2: an ESEARCH response whose MIN and MAX are the first and last in sort order and whose ALL and
     * PARTIAL list the messages in sort order, comma-separated (a range would lose the order).
     */
    private String esearch(ImapSession session, Request request, List<Long> numbers, long modseq) {
        Set<ReturnOption> options = request.returnOptions();
        return EsearchResponse.of(session.currentTag(), byUid, options, request.partial(), numbers, modseq,
                SortCommand::ordered);
    }

    private static String ordered(List<Long> numbers) {
        StringBuilder sb = new StringBuilder();
        for (long n : numbers) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(n);
        }
        return sb.toString();
    }
}
