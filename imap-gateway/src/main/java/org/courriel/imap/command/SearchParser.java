package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.DateTimes;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.SearchKey;

/**
 * Parses IMAP search keys (RFC 9051 §6.4.4 and §9 search-key, RFC 3501 §6.4.4 for the rev1 keys, RFC 7162
 * §3.1.5 MODSEQ) into the store's UID-based {@link SearchKey}s. Sequence sets and \Recent are session state:
 * a {@link Resolver} turns them into UIDs, so the parser itself stays pure.
 */
public final class SearchParser {

    /** What the parser asks of the session. */
    public interface Resolver {
        /** The UIDs a sequence set names, as sequence numbers ({@code byUid} false) or UIDs. */
        UidSet uids(SequenceSet set, boolean byUid);

        /** The session's \Recent UIDs (empty for IMAP4rev2). */
        UidSet recent();
    }

    /** A resolver that names nothing: for checking syntax before a mailbox is at hand. */
    public static final Resolver SYNTAX_ONLY = new Resolver() {
        @Override
        public UidSet uids(SequenceSet set, boolean byUid) {
            return UidSet.of();
        }

        @Override
        public UidSet recent() {
            return UidSet.of();
        }
    };

    private final CommandParser args;
    private final Resolver resolver;
    private boolean usesModseq;
    private int depth;

    private SearchParser(CommandParser args, Resolver resolver) {
        this.args = args;
        this.resolver = resolver;
    }

    /** The parsed keys and whether MODSEQ was among them (RFC 7162 §3.1.5 then adds MODSEQ to the answer). */
    public record Result(SearchKey key, boolean usesModseq) {
    }

    /** Parses 1*(SP search-key) to the end of the command. */
    public static Result parse(CommandParser args, Resolver resolver) {
        SearchParser p = new SearchParser(args, resolver);
        List<SearchKey> keys = new ArrayList<>();
        while (args.skip(' ')) {
            keys.add(p.key());
        }
        args.end();
        if (keys.isEmpty()) {
            throw new ImapSyntaxException("SEARCH needs a search key");
        }
        return new Result(keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys), p.usesModseq);
    }

    private SearchKey key() {
        if (args.skip('(')) {
            // RFC 9051 §9: "(" search-key *(SP search-key) ")"; nesting is bounded
            if (++depth > 100) {
                throw new ImapSyntaxException("search keys nested too deep");
            }
            List<SearchKey> keys = new ArrayList<>();
            keys.add(key());
            while (args.skip(' ')) {
                keys.add(key());
            }
            args.expect(')');
            depth--;
            return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
        }
        int c = args.peek();
        if ((c >= '0' && c <= '9') || c == '*') {
            return SearchKey.uid(resolver.uids(args.sequenceSet(), false));
        }
        String name = args.atom().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "ALL" -> SearchKey.all();
            case "ANSWERED" -> SearchKey.answered();
            case "DELETED" -> SearchKey.deleted();
            case "DRAFT" -> SearchKey.draft();
            case "FLAGGED" -> SearchKey.flagged();
            case "SEEN" -> SearchKey.seen();
            case "UNANSWERED" -> SearchKey.unanswered();
            case "UNDELETED" -> SearchKey.undeleted();
            case "UNDRAFT" -> SearchKey.undraft();
            case "UNFLAGGED" -> SearchKey.unflagged();
            case "UNSEEN" -> SearchKey.unseen();
            case "RECENT" -> SearchKey.recent(resolver.recent());
            case "NEW" -> SearchKey.newMessages(resolver.recent());
            case "OLD" -> SearchKey.old(resolver.recent());
            case "KEYWORD" -> SearchKey.keyword(spaceThen().atom());
            case "UNKEYWORD" -> SearchKey.unkeyword(spaceThen().atom());
            case "BCC" -> SearchKey.bcc(spaceThen().astring());
            case "CC" -> SearchKey.cc(spaceThen().astring());
            case "FROM" -> SearchKey.from(spaceThen().astring());
            case "SUBJECT" -> SearchKey.subject(spaceThen().astring());
            case "TO" -> SearchKey.to(spaceThen().astring());
            case "BODY" -> SearchKey.body(spaceThen().astring());
            case "TEXT" -> SearchKey.text(spaceThen().astring());
            case "HEADER" -> {
                String field = spaceThen().astring();
                yield SearchKey.header(field, spaceThen().astring());
            }
            case "BEFORE" -> SearchKey.before(date());
            case "ON" -> SearchKey.on(date());
            case "SINCE" -> SearchKey.since(date());
            case "SENTBEFORE" -> SearchKey.sentBefore(date());
            case "SENTON" -> SearchKey.sentOn(date());
            case "SENTSINCE" -> SearchKey.sentSince(date());
            case "LARGER" -> SearchKey.larger(spaceThen().number(Long.MAX_VALUE));
            case "SMALLER" -> SearchKey.smaller(spaceThen().number(Long.MAX_VALUE));
            case "UID" -> SearchKey.uid(resolver.uids(spaceThen().sequenceSet(), true));
            case "NOT" -> SearchKey.not(spaceThen().key());
            case "OR" -> {
                SearchKey left = spaceThen().key();
                yield SearchKey.or(left, spaceThen().key());
            }
            case "MODSEQ" -> modseq();
            default -> throw new ImapSyntaxException("unknown search key " + name);
        };
    }

    /** RFC 7162 §3.1.5: MODSEQ [entry-name entry-type-req] mod-sequence-valzer; the entry is not kept per flag. */
    private SearchKey modseq() {
        spaceThen();
        usesModseq = true;
        if (args.peekIs('"')) {
            args.string();
            args.sp();
            String type = args.atom().toLowerCase(Locale.ROOT);
            if (!type.equals("priv") && !type.equals("shared") && !type.equals("all")) {
                throw new ImapSyntaxException("bad MODSEQ entry type");
            }
            args.sp();
        }
        return SearchKey.modSeq(args.number(Long.MAX_VALUE));
    }

    private java.time.LocalDate date() {
        spaceThen();
        String text = args.peekIs('"') ? args.string() : args.atom();
        return DateTimes.date(text);
    }

    private SearchParser spaceThen() {
        args.sp();
        return this;
    }

    private String atom() {
        return args.atom();
    }

    private String astring() {
        return args.astring();
    }

    private long number(long max) {
        return args.number(max);
    }

    private SequenceSet sequenceSet() {
        return args.sequenceSet();
    }
}
