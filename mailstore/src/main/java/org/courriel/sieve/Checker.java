package org.courriel.sieve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the parsed tree into checked commands: known names, required extensions (RFC 5228 §3.2),
 * arguments of the right kind. Pure; every refusal carries its line.
 */
final class Checker {

    private final Set<String> required = new LinkedHashSet<>();
    private final ExtensionTests extensions = new ExtensionTests(this);

    static SieveScript check(List<Node> nodes) throws SieveSyntaxException {
        Checker c = new Checker();
        return new SieveScript(c.block(nodes, true), Set.copyOf(c.required));
    }

    private List<Command> block(List<Node> nodes, boolean top) throws SieveSyntaxException {
        List<Command> out = new ArrayList<>();
        boolean prologue = top;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.name().equals("require")) {
                // RFC 5228 §3.2: require only at the beginning of the script.
                if (!prologue) {
                    throw new SieveSyntaxException(n.line(), "require must come before any other command");
                }
                require(n);
                continue;
            }
            prologue = false;
            switch (n.name()) {
                case "if" -> {
                    List<Test> conditions = new ArrayList<>();
                    List<List<Command>> blocks = new ArrayList<>();
                    conditions.add(condition(n));
                    blocks.add(body(n));
                    List<Command> orElse = List.of();
                    while (i + 1 < nodes.size() && nodes.get(i + 1).name().equals("elsif")) {
                        Node e = nodes.get(++i);
                        conditions.add(condition(e));
                        blocks.add(body(e));
                    }
                    if (i + 1 < nodes.size() && nodes.get(i + 1).name().equals("else")) {
                        Node e = nodes.get(++i);
                        noArguments(e);
                        orElse = body(e);
                    }
                    out.add(new Command.If(List.copyOf(conditions), List.copyOf(blocks), orElse));
                }
                case "elsif", "else" -> throw new SieveSyntaxException(n.line(), n.name() + " without if");
                default -> out.add(simple(n));
            }
        }
        return List.copyOf(out);
    }

    private void require(Node n) throws SieveSyntaxException {
        Args a = new Args(n);
        List<String> names = a.strings("a list of extension names");
        a.end();
        noBlockNoTests(n);
        for (String ext : names) {
            String name = ext.toLowerCase(Locale.ROOT);
            if (!SieveScript.EXTENSIONS.contains(name) && !name.equals("comparator-i;octet")
                    && !name.equals("comparator-i;ascii-casemap")) {
                throw new SieveSyntaxException(n.line(), "unsupported extension \"" + ext + "\"");
            }
            required.add(name);
        }
    }

    private Test condition(Node n) throws SieveSyntaxException {
        if (n.tests().size() != 1 || !n.arguments().isEmpty()) {
            throw new SieveSyntaxException(n.line(), n.name() + " expects exactly one test");
        }
        return test(n.tests().getFirst());
    }

    private List<Command> body(Node n) throws SieveSyntaxException {
        if (n.block() == null) {
            throw new SieveSyntaxException(n.line(), n.name() + " expects a block in braces");
        }
        return block(n.block(), false);
    }

    private Command simple(Node n) throws SieveSyntaxException {
        noBlockNoTests(n);
        Args a = new Args(n);
        Command c = switch (n.name()) {
            case "stop" -> new Command.Stop();
            case "discard" -> new Command.Discard();
            case "keep" -> new Command.Keep(flagsTag(a, n));
            case "fileinto" -> fileInto(a, n);
            case "redirect" -> {
                boolean copy = false;
                while (a.hasTag()) {
                    Argument.Tag t = a.tag();
                    if (!t.name().equals("copy")) {
                        throw a.unknownTag(t);
                    }
                    need("copy", t.line());
                    copy = true;
                }
                yield new Command.Redirect(a.string("an address"), copy);
            }
            case "reject", "ereject" -> {
                need(n.name(), n.line());
                yield new Command.Reject(a.string("a reason"), n.name().equals("ereject"));
            }
            case "setflag", "addflag", "removeflag" -> {
                need("imap4flags", n.line());
                Command.Flags.Op op = switch (n.name()) {
                    case "setflag" -> Command.Flags.Op.SET;
                    case "addflag" -> Command.Flags.Op.ADD;
                    default -> Command.Flags.Op.REMOVE;
                };
                yield new Command.Flags(op, a.strings("a list of flags"));
            }
            case "vacation" -> vacation(a, n);
            case "set" -> set(a, n);
            case "include" -> include(a, n);
            case "return" -> {
                need("include", n.line());
                yield new Command.Return();
            }
            case "global" -> {
                need("include", n.line());
                need("variables", n.line());
                List<String> names = a.strings("variable names");
                for (String name : names) {
                    if (!Variables.identifier(name)) {
                        throw new SieveSyntaxException(n.line(), "global: \"" + name + "\" is not a variable name");
                    }
                }
                yield new Command.Global(names);
            }
            default -> throw new SieveSyntaxException(n.line(), "unknown command " + n.name());
        };
        a.end();
        return c;
    }

    private Command fileInto(Args a, Node n) throws SieveSyntaxException {
        need("fileinto", n.line());
        boolean copy = false;
        boolean create = false;
        List<String> flags = null;
        while (a.hasTag()) {
            Argument.Tag t = a.tag();
            switch (t.name()) {
                case "copy" -> { need("copy", t.line()); copy = true; }
                case "create" -> { need("mailbox", t.line()); create = true; }
                case "flags" -> { need("imap4flags", t.line()); flags = a.strings("a list of flags after :flags"); }
                default -> throw a.unknownTag(t);
            }
        }
        return new Command.FileInto(a.string("a mailbox name"), flags, copy, create);
    }

    private List<String> flagsTag(Args a, Node n) throws SieveSyntaxException {
        List<String> flags = null;
        while (a.hasTag()) {
            Argument.Tag t = a.tag();
            if (!t.name().equals("flags")) {
                throw a.unknownTag(t);
            }
            need("imap4flags", t.line());
            flags = a.strings("a list of flags after :flags");
        }
        return flags;
    }

    // RFC 6609 §3.2: include [LOCATION] [":once"] [":optional"] <value: string>; the name may not be a path.
    private Command include(Args a, Node n) throws SieveSyntaxException {
        need("include", n.line());
        Boolean global = null;
        boolean once = false;
        boolean optional = false;
        while (a.hasTag()) {
            Argument.Tag t = a.tag();
            switch (t.name()) {
                case "personal", "global" -> {
                    if (global != null) {
                        throw new SieveSyntaxException(t.line(), "include: :personal and :global exclude each other");
                    }
                    global = t.name().equals("global");
                }
                case "once" -> once = true;
                case "optional" -> optional = true;
                default -> throw a.unknownTag(t);
            }
        }
        String name = a.string("a script name");
        if (name.isEmpty() || name.contains("/")) {
            throw new SieveSyntaxException(n.line(), "include: \"" + name + "\" is not a script name");
        }
        // RFC 6609 §3.2: the name is a constant string (RFC 5229 §3); no variable is substituted in it.
        if (name.contains("${")) {
            throw new SieveSyntaxException(n.line(), "include: the script name must be a constant, not \"" + name + "\"");
        }
        return new Command.Include(name, global != null && global, once, optional);
    }

    // RFC 5229 §4: set [MODIFIER] <name: string> <value: string>; one modifier per precedence (§4.1).
    private Command set(Args a, Node n) throws SieveSyntaxException {
        need("variables", n.line());
        List<Variables.Modifier> modifiers = new ArrayList<>();
        while (a.hasTag()) {
            Argument.Tag t = a.tag();
            Variables.Modifier m;
            try {
                m = Variables.Modifier.valueOf(t.name().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw a.unknownTag(t);
            }
            if (modifiers.stream().anyMatch(x -> x.precedence == m.precedence)) {
                throw new SieveSyntaxException(t.line(), "set: :" + t.name() + " conflicts with another modifier"
                        + " of the same precedence");
            }
            modifiers.add(m);
        }
        String name = a.string("a variable name");
        if (!Variables.identifier(name)) {
            throw new SieveSyntaxException(n.line(), "set: \"" + name + "\" is not a variable name");
        }
        return new Command.Set(name, a.string("a value"), List.copyOf(modifiers));
    }

    // RFC 5230 §4, RFC 6131 §2.
    private Command vacation(Args a, Node n) throws SieveSyntaxException {
        need("vacation", n.line());
        Duration period = Duration.ofDays(7);
        String subject = null;
        String from = null;
        String handle = null;
        List<String> addresses = List.of();
        boolean mime = false;
        boolean periodGiven = false;
        while (a.hasTag()) {
            Argument.Tag t = a.tag();
            switch (t.name()) {
                case "days", "seconds" -> {
                    if (periodGiven) {
                        throw new SieveSyntaxException(t.line(), "vacation: :days and :seconds exclude each other");
                    }
                    periodGiven = true;
                    long value = a.number("a period after :" + t.name());
                    if (t.name().equals("seconds")) {
                        need("vacation-seconds", t.line());
                        period = Duration.ofSeconds(value);
                    } else {
                        period = Duration.ofDays(Math.min(value, 36500));
                    }
                }
                case "subject" -> subject = a.string("a subject after :subject");
                case "from" -> from = a.string("an address after :from");
                case "handle" -> handle = a.string("a handle after :handle");
                case "addresses" -> addresses = a.strings("addresses after :addresses");
                case "mime" -> mime = true;
                default -> throw a.unknownTag(t);
            }
        }
        String reason = a.string("a reason");
        return new Command.Vacation(new SieveAction.Vacation(reason, subject, from, addresses, period, handle,
                mime));
    }

    private Test test(Node n) throws SieveSyntaxException {
        if (n.block() != null) {
            throw new SieveSyntaxException(n.line(), "a test cannot have a block");
        }
        Args a = new Args(n);
        Test t = switch (n.name()) {
            case "true", "false" -> new Test.Constant(n.name().equals("true"));
            case "not" -> {
                if (n.tests().size() != 1) {
                    throw new SieveSyntaxException(n.line(), "not expects one test");
                }
                yield new Test.Not(test(n.tests().getFirst()));
            }
            case "allof", "anyof" -> {
                if (n.tests().isEmpty()) {
                    throw new SieveSyntaxException(n.line(), n.name() + " expects a list of tests");
                }
                List<Test> tests = new ArrayList<>();
                for (Node child : n.tests()) {
                    tests.add(test(child));
                }
                yield n.name().equals("allof") ? new Test.AllOf(List.copyOf(tests)) : new Test.AnyOf(List.copyOf(tests));
            }
            case "exists" -> new Test.Exists(a.strings("a list of header names"));
            case "size" -> {
                if (!a.hasTag()) {
                    throw a.error("size expects :over or :under");
                }
                Argument.Tag tag = a.tag();
                if (!tag.name().equals("over") && !tag.name().equals("under")) {
                    throw a.unknownTag(tag);
                }
                yield new Test.Size(tag.name().equals("over"), a.number("a size limit"));
            }
            case "header" -> {
                ExtensionTests.IndexTag index = extensions.new IndexTag(a);
                MatchTags m = matchTags(a, false, index);
                yield new Test.Header(m.match(), a.strings("header names"), a.strings("keys"), index.value(n));
            }
            case "address" -> {
                ExtensionTests.IndexTag index = extensions.new IndexTag(a);
                MatchTags m = matchTags(a, true, index);
                yield new Test.Address(m.part, m.match(), a.strings("header names"), a.strings("keys"),
                        index.value(n));
            }
            case "date", "currentdate" -> extensions.date(a, n);
            case "envelope" -> {
                need("envelope", n.line());
                MatchTags m = matchTags(a, true);
                List<String> parts = a.strings("envelope parts");
                for (String p : parts) {
                    if (!p.equalsIgnoreCase("from") && !p.equalsIgnoreCase("to")) {
                        throw new SieveSyntaxException(n.line(), "envelope part \"" + p + "\" not supported");
                    }
                }
                yield new Test.Envelope(m.part, m.match(), parts, a.strings("keys"));
            }
            case "hasflag" -> {
                need("imap4flags", n.line());
                MatchTags m = matchTags(a, false);
                yield new Test.HasFlag(m.match(), a.strings("flags"));
            }
            case "body" -> extensions.body(a, n);
            case "spamtest" -> extensions.spamtest(a, n);
            case "duplicate" -> extensions.duplicate(a, n);
            case "string" -> {
                need("variables", n.line());
                MatchTags m = matchTags(a, false);
                yield new Test.StringTest(m.match(), a.strings("source strings"), a.strings("keys"));
            }
            case "mailboxexists" -> {
                need("mailbox", n.line());
                yield new Test.MailboxExists(a.strings("mailbox names"));
            }
            default -> throw new SieveSyntaxException(n.line(), "unknown test " + n.name());
        };
        if (!(t instanceof Test.Not) && !(t instanceof Test.AllOf) && !(t instanceof Test.AnyOf)
                && !n.tests().isEmpty()) {
            throw new SieveSyntaxException(n.line(), n.name() + " takes no tests");
        }
        a.end();
        return t;
    }

    /** A tag of one test's own, read where it appears among the match tags; false when it is not one. */
    @FunctionalInterface
    interface OwnTag {
        boolean read(Argument.Tag tag) throws SieveSyntaxException;
    }

    /** The comparator, match type and address part tags, in any order (RFC 5228 §2.6.2). */
    final class MatchTags {
        Match.Type type = Match.Type.IS;
        Match.Relation relation;
        Match.Comparator comparator = Match.Comparator.ASCII_CASEMAP;
        Test.AddressPart part = Test.AddressPart.ALL;

        Match match() {
            return new Match(type, relation, comparator);
        }
    }

    MatchTags matchTags(Args a, boolean addressParts) throws SieveSyntaxException {
        return matchTags(a, addressParts, t -> false);
    }

    MatchTags matchTags(Args a, boolean addressParts, OwnTag own) throws SieveSyntaxException {
        return matchTags(a, addressParts, own, Match.Comparator.ASCII_CASEMAP);
    }

    MatchTags matchTags(Args a, boolean addressParts, OwnTag own, Match.Comparator comparator)
            throws SieveSyntaxException {
        MatchTags m = new MatchTags();
        m.comparator = comparator;
        boolean typeSeen = false;
        boolean partSeen = false;
        while (a.hasTag()) {
            Argument.Tag t = a.tag();
            if (own.read(t)) {
                continue;
            }
            switch (t.name()) {
                case "is", "contains", "matches", "value", "count" -> {
                    if (typeSeen) {
                        throw new SieveSyntaxException(t.line(), "only one match type is allowed");
                    }
                    typeSeen = true;
                    m.type = Match.Type.valueOf(t.name().toUpperCase(Locale.ROOT));
                    if (m.type == Match.Type.VALUE || m.type == Match.Type.COUNT) {
                        need("relational", t.line());
                        String rel = a.string("a relation after :" + t.name());
                        try {
                            m.relation = Match.Relation.valueOf(rel.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new SieveSyntaxException(t.line(), "unknown relation \"" + rel + "\"");
                        }
                    }
                }
                case "comparator" -> {
                    String name = a.string("a comparator name");
                    m.comparator = Match.Comparator.named(name);
                    if (m.comparator == null) {
                        throw new SieveSyntaxException(t.line(), "unknown comparator \"" + name + "\"");
                    }
                    if (m.comparator == Match.Comparator.ASCII_NUMERIC) {
                        need("comparator-i;ascii-numeric", t.line());
                    }
                }
                case "all", "localpart", "domain", "user", "detail" -> {
                    if (!addressParts) {
                        throw a.unknownTag(t);
                    }
                    if (partSeen) {
                        throw new SieveSyntaxException(t.line(), "only one address part is allowed");
                    }
                    partSeen = true;
                    m.part = Test.AddressPart.valueOf(t.name().toUpperCase(Locale.ROOT));
                    if (m.part == Test.AddressPart.USER || m.part == Test.AddressPart.DETAIL) {
                        need("subaddress", t.line());
                    }
                }
                default -> throw a.unknownTag(t);
            }
        }
        return m;
    }

    boolean requires(String extension) {
        return required.contains(extension);
    }

    void need(String extension, int line) throws SieveSyntaxException {
        if (!required.contains(extension)) {
            throw new SieveSyntaxException(line, "missing require \"" + extension + "\"");
        }
    }

    private static void noArguments(Node n) throws SieveSyntaxException {
        if (!n.arguments().isEmpty() || !n.tests().isEmpty()) {
            throw new SieveSyntaxException(n.line(), n.name() + " takes no arguments");
        }
    }

    private static void noBlockNoTests(Node n) throws SieveSyntaxException {
        if (n.block() != null) {
            throw new SieveSyntaxException(n.line(), n.name() + " cannot have a block");
        }
        if (!n.tests().isEmpty()) {
            throw new SieveSyntaxException(n.line(), n.name() + " takes no tests");
        }
    }
}
