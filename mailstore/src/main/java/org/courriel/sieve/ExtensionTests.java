package org.courriel.sieve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checker's part for the tests of the extensions body (RFC 5173), date and index (RFC 5260), duplicate
 * (RFC 7352) and spamtest (RFC 3685, RFC 5235): their tags and arguments, with errors that name the line.
 */
final class ExtensionTests {

    private final Checker checker;

    ExtensionTests(Checker checker) {
        this.checker = checker;
    }

    // RFC 5173 §4: body [COMPARATOR] [MATCH-TYPE] [BODY-TRANSFORM] <key-list>, tags in any order.
    Test body(Args a, Node n) throws SieveSyntaxException {
        checker.need("body", n.line());
        BodyText.Transform[] transform = {null};
        List<List<String>> types = new ArrayList<>();
        Checker.MatchTags m = checker.matchTags(a, false, t -> {
            if (!t.name().equals("raw") && !t.name().equals("content") && !t.name().equals("text")) {
                return false;
            }
            if (transform[0] != null) {
                throw new SieveSyntaxException(t.line(), "body: only one of :raw, :content, :text");
            }
            transform[0] = BodyText.Transform.valueOf(t.name().toUpperCase(Locale.ROOT));
            if (transform[0] == BodyText.Transform.CONTENT) {
                types.add(a.strings("content types after :content"));
            }
            return true;
        });
        return new Test.Body(m.match(), transform[0] == null ? BodyText.Transform.TEXT : transform[0],
                types.isEmpty() ? List.of() : types.getFirst(), a.strings("keys"));
    }

    // RFC 5260 §4: date [:zone z / :originalzone] [COMPARATOR] [MATCH-TYPE] <header> <date-part> <key-list>;
    // §5: currentdate [:zone z] [COMPARATOR] [MATCH-TYPE] <date-part> <key-list>.
    Test date(Args a, Node n) throws SieveSyntaxException {
        checker.need("date", n.line());
        boolean current = n.name().equals("currentdate");
        String[] zone = {null};
        boolean[] original = {false};
        IndexTag index = new IndexTag(a);
        Checker.MatchTags m = checker.matchTags(a, false, t -> {
            switch (t.name()) {
                case "zone" -> {
                    zone[0] = a.string("a zone after :zone");
                    if (!zone[0].contains("${") && DateParts.zone(zone[0]) == null) {
                        throw new SieveSyntaxException(t.line(), "date: zone \"" + zone[0] + "\" is not +hhmm or -hhmm");
                    }
                }
                case "originalzone" -> {
                    if (current) {
                        return false;
                    }
                    original[0] = true;
                }
                default -> {
                    return !current && index.read(t);
                }
            }
            return true;
        });
        if (zone[0] != null && original[0]) {
            throw new SieveSyntaxException(n.line(), "date: :zone and :originalzone exclude each other");
        }
        String header = current ? null : a.string("a header name");
        String part = a.string("a date-part");
        if (!part.contains("${") && !DateParts.NAMES.contains(part.toLowerCase(Locale.ROOT))) {
            throw new SieveSyntaxException(n.line(), n.name() + ": unknown date-part \"" + part + "\"");
        }
        return new Test.Date(header, zone[0], original[0], part, m.match(), a.strings("keys"), index.value(n));
    }

    // RFC 7352 §3: duplicate [:handle h] [:header name / :uniqueid value] [:seconds n] [:last].
    Test duplicate(Args a, Node n) throws SieveSyntaxException {
        checker.need("duplicate", n.line());
        String handle = "";
        String header = null;
        String uniqueId = null;
        long seconds = -1;
        boolean last = false;
        while (a.hasTag()) {
            Argument.Tag t = a.tag();
            switch (t.name()) {
                case "handle" -> handle = a.string("a handle after :handle");
                case "header", "uniqueid" -> {
                    if (header != null || uniqueId != null) {
                        throw new SieveSyntaxException(t.line(), "duplicate: :header and :uniqueid exclude each other");
                    }
                    String v = a.string("a string after :" + t.name());
                    if (t.name().equals("header")) {
                        header = v;
                    } else {
                        uniqueId = v;
                    }
                }
                case "seconds" -> seconds = a.number("a period after :seconds");
                case "last" -> last = true;
                default -> throw a.unknownTag(t);
            }
        }
        return new Test.Duplicate(handle, header, uniqueId, seconds, last);
    }

    // RFC 3685 §3: spamtest [COMPARATOR] [MATCH-TYPE] <value>, i;ascii-numeric by default; RFC 5235 §3.2
    // adds :percent, and requiring spamtestplus implies spamtest.
    Test spamtest(Args a, Node n) throws SieveSyntaxException {
        if (!checker.requires("spamtestplus")) {
            checker.need("spamtest", n.line());
        }
        boolean[] percent = {false};
        Checker.MatchTags m = checker.matchTags(a, false, t -> {
            if (!t.name().equals("percent")) {
                return false;
            }
            checker.need("spamtestplus", t.line());
            percent[0] = true;
            return true;
        }, Match.Comparator.ASCII_NUMERIC);
        return new Test.SpamTest(percent[0], m.match(), a.string("a value"));
    }

    /** RFC 5260 §6: {@code :index n [:last]} on header, address and date. */
    final class IndexTag implements Checker.OwnTag {
        private final Args args;
        private long index;
        private boolean last;

        IndexTag(Args args) {
            this.args = args;
        }

        @Override
        public boolean read(Argument.Tag t) throws SieveSyntaxException {
            switch (t.name()) {
                case "index" -> {
                    checker.need("index", t.line());
                    index = args.number("a field number after :index");
                    if (index < 1 || index > Integer.MAX_VALUE) {
                        throw new SieveSyntaxException(t.line(), ":index counts from 1");
                    }
                }
                case "last" -> {
                    checker.need("index", t.line());
                    last = true;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        int value(Node n) throws SieveSyntaxException {
            if (last && index == 0) {
                throw new SieveSyntaxException(n.line(), n.name() + ": :last needs :index");
            }
            return (int) (last ? -index : index);
        }
    }
}
