package org.courriel.imap.command;

import java.util.List;
import java.util.Locale;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.MessageSetCommand;
import org.courriel.imap.session.SelectedMailbox;
import org.courriel.store.sort.ThreadAlgorithm;
import org.courriel.store.sort.ThreadNode;

/**
 * THREAD and UID THREAD (RFC 5256 §3) with the ORDEREDSUBJECT and REFERENCES algorithms. The search is SEARCH's;
 * the store threads the matches from the Message-IDs, references and base subjects it kept when they arrived.
 */
public final class ThreadCommand extends MessageSetCommand<ThreadCommand.Request> {

    /** The algorithm and the search keys still as bytes. */
    public record Request(ThreadAlgorithm algorithm, byte[] keys) {
    }

    private final SearchParser.Limits limits;

    public ThreadCommand(boolean byUid, SearchParser.Limits limits) {
        super("THREAD", byUid);
        this.limits = limits;
    }

    @Override
    public Request parse(CommandParser args) {
        // RFC 5256 §5: thread = ["UID" SP] "THREAD" SP thread-alg SP search-criteria
        args.sp();
        String name = args.atom().toUpperCase(Locale.ROOT);
        ThreadAlgorithm algorithm;
        try {
            algorithm = ThreadAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ImapSyntaxException("unknown threading algorithm " + name);
        }
        args.sp();
        SearchCommand.checkCharset(args.astring());
        byte[] keys = args.rest();
        SearchParser.parse(new CommandParser(keys), SearchParser.SYNTAX_ONLY, limits);
        return new Request(algorithm, keys);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        SelectedMailbox selected = session.selected();
        SearchParser.Result parsed = SearchCommand.parseKeys(session, request.keys(), limits);
        List<Long> found = SearchCommand.matches(session, parsed);
        List<ThreadNode> threads = session.context().listing().thread(selected.id(), request.algorithm(), found);
        session.out().untagged(ThreadResponse.of(threads, byUid ? uid -> uid : uid -> selected.sequence().seqOf(uid)));
        return Completion.ok(name() + " completed");
    }
}
