package org.courriel.sieve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs a checked script on one message and says what to do with it (RFC 5228 §2.10). Pure: the caller
 * carries out the actions. Throws {@link SieveRuntimeException} when a bound is hit or actions conflict.
 */
public final class SieveInterpreter {

    private final SieveMessage message;
    private final SieveLimits limits;
    private final long deadline;
    private final String subaddressSeparator;
    /**
     * RFC 5229: null unless the running script requires "variables", so a script without it sees strings as
     * written. Each included script has its own (RFC 6609 §3.4), sharing the globals.
     */
    private Variables variables;
    private final java.util.Map<String, String> globals = new java.util.HashMap<>();
    private final ScriptSource source;
    /** RFC 6609 §3.2: the scripts being included, innermost last, and those included already (for :once). */
    private final java.util.Deque<String> including = new java.util.ArrayDeque<>();
    private final Set<String> included = new java.util.HashSet<>();
    private int includeCount;
    private boolean returned;
    private Set<String> flags = new LinkedHashSet<>();
    private boolean implicitKeep = true;
    private boolean stopped;
    private int actionCount;
    private int redirectCount;
    private final Map<String, SieveAction> deliveries = new LinkedHashMap<>();
    private final List<SieveAction> others = new ArrayList<>();
    private final Set<String> tracked = new java.util.HashSet<>();

    /** Includes deeper than this, or more than {@link #MAX_INCLUDES} in one run, are a run-time error. */
    static final int MAX_INCLUDE_DEPTH = 8;
    static final int MAX_INCLUDES = 32;

    private SieveInterpreter(SieveScript script, SieveMessage message, SieveLimits limits,
            String subaddressSeparator, ScriptSource source) {
        this.message = message;
        this.source = source;
        this.variables = script.required().contains("variables") ? new Variables(limits, globals) : null;
        this.limits = limits;
        this.subaddressSeparator = subaddressSeparator;
        this.deadline = System.nanoTime() + limits.maxRunTime().toNanos();
    }

    /**
     * @param subaddressSeparator RFC 5233's separator of user and detail, such as "+"; empty for none
     * @return the actions in order; a keep into INBOX when the implicit keep stands
     */
    public static List<SieveAction> run(SieveScript script, SieveMessage message, SieveLimits limits,
            String subaddressSeparator) {
        return run(script, message, limits, subaddressSeparator, ScriptSource.NONE);
    }

    /** As {@link #run(SieveScript, SieveMessage, SieveLimits, String)}, {@code include} reading {@code source}. */
    public static List<SieveAction> run(SieveScript script, SieveMessage message, SieveLimits limits,
            String subaddressSeparator, ScriptSource source) {
        SieveInterpreter run = new SieveInterpreter(script, message, limits, subaddressSeparator, source);
        run.block(script.commands());
        return run.result();
    }

    private List<SieveAction> result() {
        boolean reject = others.stream().anyMatch(a -> a instanceof SieveAction.Reject);
        // RFC 5429 §2.1: reject cannot be combined with keeping the message or with vacation.
        if (reject && (!deliveries.isEmpty() || others.stream().anyMatch(a -> a instanceof SieveAction.Vacation))) {
            throw new SieveRuntimeException("reject combined with keep, fileinto or vacation");
        }
        if (implicitKeep && !reject) {
            deliver("INBOX", new SieveAction.Keep(Set.copyOf(flags)));
        }
        List<SieveAction> out = new ArrayList<>(deliveries.values());
        out.addAll(others);
        return List.copyOf(out);
    }

    private void block(List<Command> commands) {
        for (Command c : commands) {
            if (stopped || returned) {
                return;
            }
            checkTime();
            execute(c);
        }
    }

    private void execute(Command c) {
        switch (c) {
            case Command.If i -> {
                for (int n = 0; n < i.conditions().size(); n++) {
                    if (test(i.conditions().get(n))) {
                        block(i.blocks().get(n));
                        return;
                    }
                }
                block(i.orElse());
            }
            case Command.Stop s -> stopped = true;
            case Command.Discard d -> implicitKeep = false;
            case Command.Keep k -> {
                count();
                implicitKeep = false;
                deliver("INBOX", new SieveAction.Keep(flagsOf(x(k.flags()))));
            }
            case Command.FileInto f -> {
                count();
                if (!f.copy()) {
                    implicitKeep = false;
                }
                String mailbox = x(f.mailbox());
                deliver(mailbox, new SieveAction.FileInto(mailbox, flagsOf(x(f.flags())), f.create()));
            }
            case Command.Redirect r -> {
                count();
                if (++redirectCount > limits.maxRedirects()) {
                    throw new SieveRuntimeException("more than " + limits.maxRedirects() + " redirects");
                }
                if (!r.copy()) {
                    implicitKeep = false;
                }
                SieveAction.Redirect action = new SieveAction.Redirect(x(r.address()));
                if (!others.contains(action)) {
                    others.add(action);
                }
            }
            case Command.Reject r -> {
                count();
                if (others.stream().anyMatch(a -> a instanceof SieveAction.Reject)) {
                    throw new SieveRuntimeException("more than one reject");
                }
                implicitKeep = false;
                others.add(new SieveAction.Reject(x(r.reason()), r.extended()));
            }
            case Command.Vacation v -> {
                count();
                // RFC 5230 §4.7: only one vacation action per run.
                if (others.stream().anyMatch(a -> a instanceof SieveAction.Vacation)) {
                    throw new SieveRuntimeException("more than one vacation");
                }
                others.add(expanded(v.action()));
            }
            case Command.Flags f -> {
                Set<String> given = normalFlags(x(f.flags()));
                switch (f.op()) {
                    case SET -> flags = given;
                    case ADD -> given.stream().filter(g -> flags.stream().noneMatch(g::equalsIgnoreCase))
                            .forEach(flags::add);
                    case REMOVE -> flags.removeIf(x -> given.stream().anyMatch(x::equalsIgnoreCase));
                }
            }
            case Command.Include inc -> include(inc);
            case Command.Return r -> returned = true;
            case Command.Global g -> g.names().forEach(variables::declareGlobal);
            case Command.Set v -> variables.set(v.name(), Variables.Modifier.applyAll(v.modifiers(), x(v.value())));
        }
    }

    // RFC 7352 §3.1: the identifier is the Message-ID (or the :header field's value, or :uniqueid), without
    // its surrounding white space; a message without one is no duplicate and is not tracked. Tracked once
    // per run and key; recorded by the caller only once the delivery commits (§3).
    private boolean duplicate(Test.Duplicate d) {
        String id;
        if (d.uniqueId() != null) {
            id = x(d.uniqueId());
        } else {
            List<String> values = message.header(d.header() == null ? "message-id" : x(d.header()));
            id = values.isEmpty() ? "" : values.getFirst().strip();
        }
        if (id.isEmpty()) {
            return false;
        }
        String key = DuplicateKey.of(x(d.handle()), id);
        java.time.Duration period = d.seconds() < 0 ? null : java.time.Duration.ofSeconds(d.seconds());
        if (tracked.add(key)) {
            others.add(new SieveAction.TrackDuplicate(key, period, d.last()));
        }
        return message.seenBefore(key);
    }

    // RFC 6609 §3.2: the named script runs here with its own variables; a missing one is an error unless
    // :optional; including a script that is being included (recursion) is an error.
    private void include(Command.Include inc) {
        String name = inc.name(); // a constant (RFC 6609 §3.2), checked so at upload
        String key = (inc.global() ? "global/" : "personal/") + name;
        if (inc.once() && included.contains(key)) {
            return;
        }
        if (including.contains(key)) {
            throw new SieveRuntimeException("include \"" + name + "\" includes itself");
        }
        if (including.size() >= MAX_INCLUDE_DEPTH || ++includeCount > MAX_INCLUDES) {
            throw new SieveRuntimeException("more than " + MAX_INCLUDE_DEPTH + " nested or " + MAX_INCLUDES
                    + " includes");
        }
        String text = source.script(name, inc.global());
        if (text == null) {
            if (inc.optional()) {
                return;
            }
            throw new SieveRuntimeException("include: no " + (inc.global() ? "global" : "personal")
                    + " script \"" + name + "\"");
        }
        SieveScript script;
        try {
            script = SieveScript.compile(text);
        } catch (SieveSyntaxException e) {
            throw new SieveRuntimeException("include \"" + name + "\": " + e.getMessage());
        }
        included.add(key);
        Variables outer = variables;
        variables = script.required().contains("variables") ? new Variables(limits, globals) : null;
        including.addLast(key);
        try {
            block(script.commands());
        } finally {
            including.removeLast();
            variables = outer;
            returned = false;
        }
    }

    // RFC 3685 §3: "0" when the message was not tested; RFC 5235 §3.2: with :percent, no value then.
    private boolean spamtest(Test.SpamTest st) {
        SpamScore s = message.spamScore();
        List<String> values = s == null ? (st.percent() ? List.of() : List.of("0"))
                : List.of(Integer.toString(st.percent() ? s.percent() : s.value()));
        return st.match().any(values, List.of(x(st.value())), variables);
    }

    /** RFC 5260 §6: the nth field from the top (index > 0) or the bottom (index < 0), or all (0). */
    private static <T> List<T> indexed(List<T> fields, int index) {
        if (index == 0) {
            return fields;
        }
        int at = index > 0 ? index - 1 : fields.size() + index;
        return at >= 0 && at < fields.size() ? List.of(fields.get(at)) : List.of();
    }

    // RFC 5260 §4.1: a field without a date that parses fails the test; :zone converts, :originalzone keeps
    // the zone as written, neither converts to the local zone.
    private boolean date(Test.Date d) {
        String part = x(d.part());
        if (!DateParts.NAMES.contains(part.toLowerCase(Locale.ROOT))) {
            return false;
        }
        java.time.ZoneOffset zone = d.zone() == null ? null : DateParts.zone(x(d.zone()));
        if (d.zone() != null && zone == null) {
            return false;
        }
        List<java.time.ZonedDateTime> dates = new ArrayList<>();
        if (d.header() == null) {
            dates.add(message.now());
        } else {
            String name = x(d.header());
            for (String v : indexed(message.header(name), d.index())) {
                // RFC 5260 §4: in a Received field the date follows the last ';'.
                java.time.ZonedDateTime t = DateParts.parse(name.equalsIgnoreCase("received") && v.contains(";")
                        ? v.substring(v.lastIndexOf(';') + 1) : v);
                if (t != null) {
                    dates.add(t);
                }
            }
        }
        List<String> values = dates.stream().map(t -> d.originalZone() ? t
                : t.withZoneSameInstant(zone != null ? zone : message.now().getZone()))
                .map(t -> DateParts.part(t, part)).toList();
        return !values.isEmpty() && d.match().any(values, x(d.keys()), variables);
    }

    /** RFC 5229 §3: a string argument with its variables expanded (as written without "variables"). */
    private String x(String s) {
        return variables == null || s == null ? s : variables.expand(s);
    }

    private List<String> x(List<String> list) {
        return variables == null || list == null ? list : variables.expand(list);
    }

    private SieveAction.Vacation expanded(SieveAction.Vacation v) {
        return new SieveAction.Vacation(x(v.reason()), x(v.subject()), x(v.from()), x(v.addresses()), v.period(),
                x(v.handle()), v.mime());
    }

    // RFC 5228 §2.10.3: filing twice into one mailbox stores one copy; the later flags win.
    private void deliver(String mailbox, SieveAction action) {
        String key = mailbox.equalsIgnoreCase("INBOX") ? "INBOX" : mailbox;
        deliveries.put(key, action);
    }

    private Set<String> flagsOf(List<String> given) {
        return given == null ? Set.copyOf(flags) : Set.copyOf(normalFlags(given));
    }

    // RFC 5232 §3: a string holds one or more flags separated by spaces; case-insensitive, once each.
    private static Set<String> normalFlags(List<String> given) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : given) {
            for (String f : s.trim().split("\\s+")) {
                if (!f.isEmpty() && out.stream().noneMatch(f::equalsIgnoreCase)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private boolean test(Test t) {
        checkTime();
        return switch (t) {
            case Test.Constant c -> c.value();
            case Test.Not n -> !test(n.test());
            case Test.AllOf a -> a.tests().stream().allMatch(this::test);
            case Test.AnyOf a -> a.tests().stream().anyMatch(this::test);
            case Test.Exists e -> x(e.headers()).stream().allMatch(h -> !message.header(h).isEmpty());
            case Test.Size s -> s.over() ? message.size() > s.limit() : message.size() < s.limit();
            case Test.Header h -> {
                List<String> values = new ArrayList<>();
                x(h.headers()).forEach(name -> values.addAll(indexed(message.header(name), h.index())));
                yield h.match().any(values, x(h.keys()), variables);
            }
            case Test.Address a -> {
                List<String> values = new ArrayList<>();
                for (String name : x(a.headers())) {
                    indexed(message.addressFields(name), a.index()).stream().flatMap(List::stream)
                            .forEach(addr -> part(addr, a.part(), values));
                }
                yield a.match().any(values, x(a.keys()), variables);
            }
            case Test.Envelope e -> {
                List<String> values = new ArrayList<>();
                for (String p : e.parts()) {
                    String addr = p.equalsIgnoreCase("from") ? message.envelopeFrom() : message.envelopeTo();
                    part(addr, e.part(), values);
                }
                yield e.match().any(values, x(e.keys()), variables);
            }
            case Test.HasFlag h -> h.match().any(List.copyOf(flags), List.copyOf(normalFlags(x(h.keys()))), variables);
            case Test.MailboxExists m -> x(m.names()).stream().allMatch(message::mailboxExists);
            case Test.Date d -> date(d);
            case Test.SpamTest st -> spamtest(st);
            case Test.Duplicate d -> duplicate(d);
            case Test.Body b -> b.match().any(message.body(b.transform(), x(b.types())), x(b.keys()), variables);
            // RFC 5229 §5: with :count, empty strings are not counted.
            case Test.StringTest st -> {
                List<String> sources = x(st.sources());
                if (st.match().type() == Match.Type.COUNT) {
                    sources = sources.stream().filter(v -> !v.isEmpty()).toList();
                }
                yield st.match().any(sources, x(st.keys()), variables);
            }
        };
    }

    // RFC 5228 §2.7.4, RFC 5233 §4. The null reverse-path is "" for every part (RFC 5228 §5.4).
    private void part(String address, Test.AddressPart part, List<String> out) {
        if (address.isEmpty()) {
            if (part == Test.AddressPart.ALL || part == Test.AddressPart.LOCALPART) {
                out.add("");
            }
            return;
        }
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String domain = at < 0 ? "" : address.substring(at + 1);
        int sep = subaddressSeparator.isEmpty() ? -1 : local.indexOf(subaddressSeparator);
        switch (part) {
            case ALL -> out.add(address);
            case LOCALPART -> out.add(local);
            case DOMAIN -> out.add(domain.toLowerCase(Locale.ROOT));
            case USER -> out.add(sep < 0 ? local : local.substring(0, sep));
            case DETAIL -> {
                if (sep >= 0) {
                    out.add(local.substring(sep + subaddressSeparator.length()));
                }
            }
        }
    }

    private void count() {
        if (++actionCount > limits.maxActions()) {
            throw new SieveRuntimeException("more than " + limits.maxActions() + " actions");
        }
    }

    private void checkTime() {
        if (System.nanoTime() - deadline > 0) {
            throw new SieveRuntimeException("ran longer than " + limits.maxRunTime());
        }
    }
}
