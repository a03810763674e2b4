package org.courriel.imap.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.PartialRange;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.store.section.SectionSpec;

/** Parses FETCH arguments (RFC 9051 §9 fetch, RFC 7162 fetch-modifier). Pure. */
public final class FetchParser {

    /**
     * A parsed FETCH: the set, the items, CHANGEDSINCE (-1 when absent), VANISHED and the PARTIAL range (RFC 9394
     * §3.2, null when absent).
     */
    public record Request(SequenceSet set, List<FetchItem> items, long changedSince, boolean vanished,
            PartialRange partial) {
    }

    private FetchParser() {
    }

    public static Request parse(CommandParser args) {
        args.sp();
        SequenceSet set = args.sequenceSet();
        args.sp();
        List<FetchItem> items = new ArrayList<>();
        if (args.skip('(')) {
            do {
                args.skip(' ');
                items.add(item(args));
            } while (!args.skip(')'));
        } else {
            String macro = args.peekKeyword("ALL") || args.peekKeyword("FAST") || args.peekKeyword("FULL")
                    ? macro(args) : null;
            if (macro == null) {
                items.add(item(args));
            } else {
                // RFC 9051 §6.4.5: the macros
                items.add(new FetchItem.Flags());
                items.add(new FetchItem.InternalDate());
                items.add(new FetchItem.Rfc822Size());
                if (!macro.equals("FAST")) {
                    items.add(new FetchItem.Envelope());
                }
                if (macro.equals("FULL")) {
                    items.add(new FetchItem.Structure(false));
                }
            }
        }
        long changedSince = -1;
        boolean vanished = false;
        PartialRange partial = null;
        if (args.skip(' ')) {
            args.expect('(');
            do {
                args.skip(' ');
                String modifier = args.atom().toUpperCase(Locale.ROOT);
                switch (modifier) {
                    case "CHANGEDSINCE" -> {
                        args.sp();
                        changedSince = args.number(Long.MAX_VALUE);
                    }
                    case "VANISHED" -> vanished = true;
                    case "PARTIAL" -> {
                        args.sp();
                        partial = PartialRange.parse(args);
                    }
                    default -> throw new ImapSyntaxException("unknown FETCH modifier " + modifier);
                }
            } while (!args.skip(')'));
            if (vanished && changedSince < 0) {
                // RFC 7162 §3.2.6: VANISHED needs CHANGEDSINCE
                throw new ImapSyntaxException("VANISHED needs CHANGEDSINCE");
            }
        }
        args.end();
        return new Request(set, distinct(items), changedSince, vanished, partial);
    }

    /**
     * A parenthesised list of fetch-att (RFC 9051 §9), as NOTIFY's MessageNew takes it (RFC 5465 §8); the
     * macros ALL, FAST and FULL are not fetch-atts.
     */
    public static List<FetchItem> attributes(CommandParser args) {
        args.expect('(');
        List<FetchItem> items = new ArrayList<>();
        do {
            args.skip(' ');
            items.add(item(args));
        } while (!args.skip(')'));
        return distinct(items);
    }

    /**
     * RFC 9051 §6.4.5: the response gives each item once, so an item asked for twice is answered once (twelve
     * ENVELOPEs must not build twelve copies). Items that answer under the same name are the same item;
     * of BODY[x] and BODY.PEEK[x], the one that sets \Seen is kept.
     */
    static List<FetchItem> distinct(List<FetchItem> items) {
        java.util.LinkedHashMap<String, FetchItem> byName = new java.util.LinkedHashMap<>();
        for (FetchItem item : items) {
            byName.merge(responseName(item), item, (kept, again) ->
                    kept instanceof FetchItem.Section k && k.peek() && again instanceof FetchItem.Section a && !a.peek()
                            ? again : kept);
        }
        return List.copyOf(byName.values());
    }

    /** The name an item answers under. */
    private static String responseName(FetchItem item) {
        return switch (item) {
            case FetchItem.Flags f -> "FLAGS";
            case FetchItem.Uid u -> "UID";
            case FetchItem.InternalDate d -> "INTERNALDATE";
            case FetchItem.Rfc822Size r -> "RFC822.SIZE";
            case FetchItem.Envelope e -> "ENVELOPE";
            case FetchItem.ModSeq m -> "MODSEQ";
            case FetchItem.Structure st -> st.extensible() ? "BODYSTRUCTURE" : "BODY";
            case FetchItem.EmailId e -> "EMAILID";
            case FetchItem.ThreadId t -> "THREADID";
            case FetchItem.SaveDate d -> "SAVEDATE";
            case FetchItem.Preview p -> "PREVIEW";
            case FetchItem.BinarySize b -> "BINARY.SIZE[" + java.util.Arrays.toString(b.part()) + "]";
            // two partials at one origin differ by their length: both were asked for
            case FetchItem.Section sec -> FetchCommand.responseName(sec) + (sec.origin() >= 0 ? "." + sec.length() : "");
        };
    }

    private static String macro(CommandParser args) {
        String word = args.token(" )");
        String upper = word.toUpperCase(Locale.ROOT);
        if (!upper.equals("ALL") && !upper.equals("FAST") && !upper.equals("FULL")) {
            throw new ImapSyntaxException("unknown fetch item " + word);
        }
        return upper;
    }

    static FetchItem item(CommandParser args) {
        String name = args.token(" )[<").toUpperCase(Locale.ROOT);
        return switch (name) {
            case "FLAGS" -> new FetchItem.Flags();
            case "UID" -> new FetchItem.Uid();
            case "INTERNALDATE" -> new FetchItem.InternalDate();
            case "RFC822.SIZE" -> new FetchItem.Rfc822Size();
            case "ENVELOPE" -> new FetchItem.Envelope();
            case "BODYSTRUCTURE" -> new FetchItem.Structure(true);
            case "MODSEQ" -> new FetchItem.ModSeq();
            case "EMAILID" -> new FetchItem.EmailId();
            case "THREADID" -> new FetchItem.ThreadId();
            case "SAVEDATE" -> new FetchItem.SaveDate();
            case "PREVIEW" -> preview(args);
            case "RFC822" -> new FetchItem.Section(SectionSpec.WHOLE, false, false, -1, 0, "RFC822");
            case "RFC822.HEADER" -> new FetchItem.Section(SectionSpec.of(SectionSpec.Text.HEADER), true, false, -1, 0,
                    "RFC822.HEADER");
            case "RFC822.TEXT" -> new FetchItem.Section(SectionSpec.of(SectionSpec.Text.TEXT), false, false, -1, 0,
                    "RFC822.TEXT");
            case "BODY" -> args.peekIs('[') ? section(args, false, false) : new FetchItem.Structure(false);
            case "BODY.PEEK" -> section(args, true, false);
            case "BINARY" -> section(args, false, true);
            case "BINARY.PEEK" -> section(args, true, true);
            case "BINARY.SIZE" -> {
                args.expect('[');
                int[] part = partNumbers(args);
                args.expect(']');
                yield new FetchItem.BinarySize(part);
            }
            default -> throw new ImapSyntaxException("unknown fetch item " + name);
        };
    }

    /** RFC 8970 §7: "PREVIEW" [SP "(" preview-mod *(SP preview-mod) ")"], preview-mod = "LAZY". */
    private static FetchItem preview(CommandParser args) {
        boolean lazy = false;
        // a parenthesis after a lone PREVIEW may also open the FETCH modifiers (RFC 7162 CHANGEDSINCE)
        if (args.peekKeyword(" (LAZY")) {
            args.sp();
            args.expect('(');
            do {
                args.skip(' ');
                String modifier = args.atom().toUpperCase(Locale.ROOT);
                if (!modifier.equals("LAZY")) {
                    throw new ImapSyntaxException("unknown PREVIEW modifier " + modifier);
                }
                lazy = true;
            } while (!args.skip(')'));
        }
        return new FetchItem.Preview(lazy);
    }

    private static FetchItem section(CommandParser args, boolean peek, boolean binary) {
        args.expect('[');
        SectionSpec spec;
        if (binary) {
            spec = SectionSpec.part(partNumbers(args));
        } else {
            spec = sectionSpec(args);
        }
        args.expect(']');
        long origin = -1;
        long length = 0;
        if (args.skip('<')) {
            origin = args.number();
            args.expect('.');
            length = args.number();
            if (length == 0) {
                throw new ImapSyntaxException("partial length must be positive");
            }
            args.expect('>');
        }
        return new FetchItem.Section(spec, peek, binary, origin, length, null);
    }

    /** section-part: nz-number *("." nz-number), possibly empty. */
    private static int[] partNumbers(CommandParser args) {
        List<Integer> parts = new ArrayList<>();
        while (args.peek() >= '1' && args.peek() <= '9') {
            parts.add((int) args.number(Integer.MAX_VALUE));
            if (!args.peekIs('.')) {
                break;
            }
            args.expect('.');
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A whole section-spec as text ({@code 1.2.MIME}, {@code HEADER.FIELDS (From)}, empty for the whole message):
     * the section of an IMAP URL (RFC 5092 §4 enc-section).
     */
    public static SectionSpec section(String text) {
        CommandParser args = CommandParser.of(text);
        SectionSpec spec = args.atEnd() ? SectionSpec.WHOLE : sectionSpec(args);
        args.end();
        return spec;
    }

    /** section-spec (RFC 9051 §9): part numbers then HEADER, HEADER.FIELDS[.NOT] (names), TEXT or MIME. */
    private static SectionSpec sectionSpec(CommandParser args) {
        int[] part = partNumbers(args);
        if (args.peekIs(']') || args.atEnd()) {
            return SectionSpec.part(part);
        }
        String text = args.token(" ]").toUpperCase(Locale.ROOT);
        return switch (text) {
            case "HEADER" -> SectionSpec.of(SectionSpec.Text.HEADER, part);
            case "TEXT" -> SectionSpec.of(SectionSpec.Text.TEXT, part);
            case "MIME" -> {
                if (part.length == 0) {
                    throw new ImapSyntaxException("MIME needs a part number");
                }
                yield SectionSpec.of(SectionSpec.Text.MIME, part);
            }
            case "HEADER.FIELDS", "HEADER.FIELDS.NOT" -> {
                args.sp();
                List<String> names = args.astringList();
                if (names.isEmpty()) {
                    throw new ImapSyntaxException("HEADER.FIELDS needs field names");
                }
                yield new SectionSpec(part, text.endsWith(".NOT") ? SectionSpec.Text.HEADER_FIELDS_NOT
                        : SectionSpec.Text.HEADER_FIELDS, names);
            }
            default -> throw new ImapSyntaxException("unknown section " + text);
        };
    }
}
