package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxName;

/**
 * LIST (RFC 9051 §6.3.9) with LIST-EXTENDED selection and return options (RFC 5258), SPECIAL-USE
 * (RFC 6154), LIST-STATUS (RFC 5819); and LSUB (RFC 3501 §6.3.9), the rev1 subscribed list.
 */
public final class ListCommand implements ImapCommand<ListCommand.Request> {

    /** A parsed LIST: selection options, reference, patterns, return options. */
    public record Request(boolean subscribedOnly, boolean recursiveMatch, boolean specialUseOnly, String reference,
            List<String> patterns, boolean returnSubscribed, boolean returnChildren, boolean returnSpecialUse,
            List<String> statusItems) {
    }

    private static final String CHILDINFO_SUBSCRIBED = " (\"CHILDINFO\" (\"SUBSCRIBED\"))";

    private final boolean lsub;

    public ListCommand(boolean lsub) {
        this.lsub = lsub;
    }

    @Override
    public String name() {
        return lsub ? "LSUB" : "LIST";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        boolean subscribed = lsub;
        boolean recursive = false;
        boolean specialUse = false;
        args.sp();
        if (!lsub && args.peekIs('(')) {
            args.expect('(');
            while (!args.skip(')')) {
                args.skip(' ');
                switch (args.atom().toUpperCase(Locale.ROOT)) {
                    case "SUBSCRIBED" -> subscribed = true;
                    case "RECURSIVEMATCH" -> recursive = true;
                    case "SPECIAL-USE" -> specialUse = true;
                    case "REMOTE" -> {
                        // RFC 5258 §3.1: no remote mailboxes here
                    }
                    default -> throw new ImapSyntaxException("unknown LIST selection option");
                }
            }
            args.sp();
        }
        if (recursive && !subscribed) {
            // RFC 5258 §3.1: RECURSIVEMATCH alone is a syntax error
            throw new ImapSyntaxException("RECURSIVEMATCH needs another selection option");
        }
        String reference = MailboxArgument.parse(args);
        args.sp();
        List<String> patterns = new ArrayList<>();
        if (!lsub && args.peekIs('(')) {
            args.expect('(');
            while (!args.skip(')')) {
                args.skip(' ');
                patterns.add(listMailbox(args));
            }
        } else {
            patterns.add(listMailbox(args));
        }
        boolean retSubscribed = false;
        boolean retChildren = false;
        boolean retSpecialUse = false;
        List<String> status = null;
        if (!lsub && args.skip(' ')) {
            if (!args.atom().equalsIgnoreCase("RETURN")) {
                throw new ImapSyntaxException("expected RETURN");
            }
            args.sp();
            args.expect('(');
            while (!args.skip(')')) {
                args.skip(' ');
                switch (args.atom().toUpperCase(Locale.ROOT)) {
                    case "SUBSCRIBED" -> retSubscribed = true;
                    case "CHILDREN" -> retChildren = true;
                    case "SPECIAL-USE" -> retSpecialUse = true;
                    case "STATUS" -> {
                        args.sp();
                        status = StatusCommand.parseItems(args);
                    }
                    default -> throw new ImapSyntaxException("unknown LIST return option");
                }
            }
        }
        args.end();
        return new Request(subscribed, recursive, specialUse, reference, patterns, retSubscribed, retChildren,
                retSpecialUse, status);
    }

    /** RFC 9051 §9 list-mailbox: list-chars (atom chars with % * ]) or a string. */
    private static String listMailbox(CommandParser args) {
        if (args.peekIs('"') || args.peekIs('{')) {
            return args.string();
        }
        return args.token(" )(");
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        String reference = session.decodeName(request.reference());
        if (request.patterns().size() == 1 && request.patterns().get(0).isEmpty()) {
            // RFC 9051 §6.3.9: an empty pattern asks for the delimiter and the root
            session.out().untagged(name() + " (\\Noselect) \"/\" \"\"");
            return Completion.ok(name() + " completed");
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String p : request.patterns()) {
            patterns.add(compile(reference + session.decodeName(p)));
        }
        long account = session.account().id();
        List<MailboxInfo> all = session.context().mailboxes().list(account);
        SortedSet<String> subscribed = session.context().mailboxes().subscriptions(account);
        if (request.subscribedOnly()) {
            listSubscribed(session, request, patterns, all, subscribed);
            return Completion.ok(name() + " completed");
        }
        for (MailboxInfo m : all) {
            if (!matches(patterns, m.name()) || request.specialUseOnly() && m.specialUse() == null) {
                continue;
            }
            line(session, m.name(), m, hasChildren(all, m.name()), subscribed.contains(m.name()), request, "");
            status(session, m, request);
        }
        return Completion.ok(name() + " completed");
    }

    /**
     * LIST (SUBSCRIBED) and LSUB: the subscribed names, whether their mailbox exists or not (RFC 5258 §3.1
     * \NonExistent, RFC 3501 §6.3.9), and the parents of subscribed names as RECURSIVEMATCH and '%' ask.
     */
    private void listSubscribed(ImapSession session, Request request, List<Pattern> patterns, List<MailboxInfo> all,
            SortedSet<String> subscribed) {
        Map<String, MailboxInfo> existing = new HashMap<>();
        all.forEach(m -> existing.put(m.name(), m));
        SortedSet<String> names = new TreeSet<>(subscribed);
        for (String s : subscribed) {
            names.addAll(MailboxName.parents(s));
        }
        for (String name : names) {
            if (!matches(patterns, name)) {
                continue;
            }
            MailboxInfo m = existing.get(name);
            if (request.specialUseOnly() && (m == null || m.specialUse() == null)) {
                continue;
            }
            String children = name + MailboxName.DELIMITER;
            // RFC 5258 §3.5: CHILDINFO for a subscribed descendant, whether the name itself is subscribed or not
            boolean subscribedChild = subscribed.tailSet(children).stream().takeWhile(c -> c.startsWith(children))
                    .findAny().isPresent();
            String childInfo = request.recursiveMatch() && subscribedChild ? CHILDINFO_SUBSCRIBED : "";
            if (!subscribed.contains(name)) {
                if (lsub && subscribedChild && subscribed.tailSet(children).stream()
                        .takeWhile(c -> c.startsWith(children)).anyMatch(c -> !matches(patterns, c))) {
                    // RFC 3501 §6.3.9: when "%" stops above a subscribed name, LSUB returns its unsubscribed
                    // parent, flagged \Noselect
                    session.out().untagged("LSUB (\\Noselect) \"/\" " + MailboxArgument.encode(session, name));
                } else if (!childInfo.isEmpty()) {
                    line(session, name, m, hasChildren(all, name), false, request, childInfo);
                }
                continue;
            }
            line(session, name, m, hasChildren(all, name), true, request, childInfo);
            if (m != null) {
                status(session, m, request);
            }
        }
    }

    private static boolean hasChildren(List<MailboxInfo> all, String name) {
        String children = name + MailboxName.DELIMITER;
        return all.stream().anyMatch(c -> c.name().startsWith(children));
    }

    private static void status(ImapSession session, MailboxInfo m, Request request) {
        if (request.statusItems() != null) {
            // RFC 5819 §2: STATUS follows the LIST line of each selectable mailbox
            session.out().untagged(StatusCommand.response(session, m, request.statusItems()));
        }
    }

    /** One LIST or LSUB line; {@code m} is null for a name without a mailbox. */
    private void line(ImapSession session, String name, MailboxInfo m, boolean hasChildren, boolean subscribed,
            Request request, String extended) {
        List<String> attributes = new ArrayList<>();
        if (lsub) {
            if (m == null) {
                // RFC 3501 §6.3.9: a subscribed name whose mailbox is gone stays listed; it cannot be selected
                attributes.add("\\Noselect");
            }
        } else {
            if (m == null) {
                // RFC 5258 §3.4: \NonExistent (which implies \Noselect) for a subscribed name without a mailbox
                attributes.add("\\NonExistent");
            }
            attributes.add(hasChildren ? "\\HasChildren" : "\\HasNoChildren");
            if (subscribed && (request.subscribedOnly() || request.returnSubscribed())) {
                attributes.add("\\Subscribed");
            }
            if (m != null && m.specialUse() != null) {
                attributes.add(m.specialUse().attribute());
            }
        }
        session.out().untagged(name() + " (" + String.join(" ", attributes) + ") \"/\" "
                + MailboxArgument.encode(session, name) + extended);
    }

    private static boolean matches(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** '*' matches anything, '%' anything but the delimiter (RFC 9051 §6.3.9); INBOX in any case. */
    static Pattern compile(String pattern) {
        if (pattern.length() >= 5 && pattern.substring(0, 5).equalsIgnoreCase(MailboxName.INBOX)
                && (pattern.length() == 5 || pattern.charAt(5) == MailboxName.DELIMITER)) {
            pattern = MailboxName.INBOX + pattern.substring(5);
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '%') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : "[^/]*");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
