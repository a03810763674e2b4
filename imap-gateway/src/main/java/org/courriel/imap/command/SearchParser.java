package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.DateTimes;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ObjectId;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.SearchKey;

/**
 * Parses IMAP search keys (RFC 9051 §6.4.4 and §9 search-key, RFC 3501 §6.4.4 for the rev1 keys, RFC 7162
 * §3.1.5 MODSEQ, RFC 8514 §4.3 save dates, RFC 8474 §6 EMAILID and THREADID) into the store's UID-based {@link SearchKey}s. Sequence sets and \Recent are session state:
 * a {@link Resolver} turns them into UIDs, so the parser itself stays pure.
 */
public final class SearchParser {

    /** What the parser asks of the session. */
    public interface Resolver {
        /** The UIDs a sequence set names, as sequence numbers ({@code byUid} false) or UIDs. */
        UidSet uids(SequenceSet set, boolean byUid);

        /** The session's \Recent UIDs (empty for IMAP4rev2). */
        UidSet recent();

        /** The content id an EMAILID names (RFC 8474 §6), or -1 for one this server never gave out. */
        default long emailContent(String emailId) {
            return -1;
        }

        /** The server's current time, from which OLDER and YOUNGER count back (RFC 5032 §3). */
        default java.time.Instant now() {
            return java.time.Instant.now();
        }
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

    /**
     * Bounds on one SEARCH program: how deep parentheses, NOT and OR may nest (each is one level of recursion,
     * here and in the store's evaluation) and how many keys it may hold in all.
     */
    public record Limits(int maxDepth, int maxKeys) {
        /** The defaults of {@code courriel.imap.max-search-depth} and {@code max-search-keys}. */
        public static final Limits DEFAULT = new Limits(100, 1000);

        public Limits {
            if (maxDepth < 1 || maxKeys < 1) {
                throw new IllegalArgumentException("search limits must be positive");
            }
        }
    }

    private final CommandParser args;
    private final Resolver resolver;
    private final Limits limits;
    private boolean usesModseq;
    private int depth;
    private int keys;

    private SearchParser(CommandParser args, Resolver resolver, Limits limits) {
        this.args = args;
        this.resolver = resolver;
        this.limits = limits;
    }

    /** The parsed keys and whether MODSEQ was among them (RFC 7162 §3.1.5 then adds MODSEQ to the answer). */
    public record Result(SearchKey key, boolean usesModseq) {
    }

    /** Parses 1*(SP search-key) to the end of the command, within the default limits. */
    public static Result parse(CommandParser args, Resolver resolver) {
        return parse(args, resolver, Limits.DEFAULT);
    }

    /** Parses 1*(SP search-key) to the end of the command; a program past {@code limits} is a syntax error. */
    public static Result parse(CommandParser args, Resolver resolver, Limits limits) {
        SearchParser p = new SearchParser(args, resolver, limits);
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
        if (++keys > limits.maxKeys()) {
            throw new ImapSyntaxException("too many search keys (at most " + limits.maxKeys() + ")");
        }
        if (args.skip('(')) {
            // RFC 9051 §9: "(" search-key *(SP search-key) ")"
            return nested(() -> {
                List<SearchKey> list = new ArrayList<>();
                list.add(key());
                while (args.skip(' ')) {
                    list.add(key());
                }
                args.expect(')');
                return list.size() == 1 ? list.get(0) : new SearchKey.And(list);
            });
        }
        int c = args.peek();
        if ((c >= '0' && c <= '9') || c == '*' || c == '$') {
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
            case "NOT" -> nested(() -> SearchKey.not(spaceThen().key()));
            case "OR" -> nested(() -> {
                SearchKey left = spaceThen().key();
                return SearchKey.or(left, spaceThen().key());
            });
            case "MODSEQ" -> modseq();
            // RFC 8514 §4.3: the save date; every mailbox here keeps one, so SAVEDATESUPPORTED matches all
            case "SAVEDBEFORE" -> SearchKey.savedBefore(date());
            case "SAVEDON" -> SearchKey.savedOn(date());
            case "SAVEDSINCE" -> SearchKey.savedSince(date());
            case "SAVEDATESUPPORTED" -> SearchKey.all();
            // RFC 8474 §6: EMAILID objectid; THREADID matches nothing, threads are not computed (§5.2)
            case "EMAILID" -> {
                long content = resolver.emailContent(ObjectId.parse(spaceThen().atom()));
                yield content < 0 ? SearchKey.uid(UidSet.of()) : SearchKey.contentIs(content);
            }
            case "THREADID" -> {
                ObjectId.parse(spaceThen().atom());
                yield SearchKey.uid(UidSet.of());
            }
            // RFC 5032 §4: ("OLDER" / "YOUNGER") SP nz-number, an interval in seconds back from now
            case "OLDER" -> SearchKey.older(resolver.now().minusSeconds(interval()));
            case "YOUNGER" -> SearchKey.younger(resolver.now().minusSeconds(interval()));
            default -> throw new ImapSyntaxException("unknown search key " + name);
        };
    }

    /**
     * A key made of keys: parentheses, NOT and OR all nest, so all count towards the depth; without that,
     * {@code NOT NOT ... ALL} overflowed the stack.
     */
    private SearchKey nested(java.util.function.Supplier<SearchKey> inner) {
        if (++depth > limits.maxDepth()) {
            throw new ImapSyntaxException("search keys nested too deep (at most " + limits.maxDepth() + " levels)");
        }
        SearchKey key = inner.get();
        depth--;
        return key;
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

    private long interval() {
        spaceThen();
        long seconds = args.number(Long.MAX_VALUE);
        if (seconds == 0) {
            throw new ImapSyntaxException("the interval of OLDER and YOUNGER is a nz-number");
        }
        // far enough back for any internal date, and no overflow of Instant arithmetic
        return Math.min(seconds, 100L * 366 * 24 * 3600 * 100);
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
