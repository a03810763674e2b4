package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Right;
import org.courriel.store.acl.Rights;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.Namespaces;
import org.courriel.store.mailbox.MailboxName;

/**
 * LIST (RFC 9051 §6.3.9) with LIST-EXTENDED selection and return options (RFC 5258), SPECIAL-USE
 * (RFC 6154), LIST-STATUS (RFC 5819), LIST-MYRIGHTS (RFC 8440), over the mailboxes the user may look up (RFC 4314
 * §4: "l"), other users' and shared ones included (RFC 2342); and LSUB (RFC 3501 §6.3.9), the rev1 subscribed list.
 */
public final class ListCommand implements ImapCommand<ListCommand.Request> {

    /** A parsed LIST: selection options, reference, patterns, return options. */
    public record Request(boolean subscribedOnly, boolean recursiveMatch, boolean specialUseOnly, String reference,
            List<String> patterns, boolean returnSubscribed, boolean returnChildren, boolean returnSpecialUse,
            List<String> statusItems, boolean returnMyRights) {
    }

    /**
     * A name LIST may show: a mailbox the user may look up, with their rights, or (mailbox null) a level of the
     * "Other Users" or "Shared Folders" namespace that holds such mailboxes, listed \Noselect.
     */
    private record Listed(String name, MailboxInfo mailbox, Rights rights) {
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
        boolean retMyRights = false;
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
                    // RFC 8440 §3
                    case "MYRIGHTS" -> retMyRights = true;
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
                retSpecialUse, status, retMyRights);
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
        List<Listed> all = listable(session.context().access().visible(account));
        SortedSet<String> subscribed = session.context().mailboxes().subscriptions(account);
        if (request.subscribedOnly()) {
            listSubscribed(session, request, patterns, all, subscribed);
            return Completion.ok(name() + " completed");
        }
        for (Listed m : all) {
            if (!matches(patterns, m.name()) || request.specialUseOnly() && (m.mailbox() == null
                    || m.mailbox().specialUse() == null)) {
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
    private void listSubscribed(ImapSession session, Request request, List<Pattern> patterns, List<Listed> all,
            SortedSet<String> subscribed) {
        Map<String, Listed> existing = new HashMap<>();
        all.forEach(m -> existing.put(m.name(), m));
        SortedSet<String> names = new TreeSet<>(subscribed);
        for (String s : subscribed) {
            names.addAll(MailboxName.parents(s));
        }
        for (String name : names) {
            if (!matches(patterns, name)) {
                continue;
            }
            Listed m = existing.get(name);
            if (request.specialUseOnly() && (m == null || m.mailbox() == null || m.mailbox().specialUse() == null)) {
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

    /**
     * The visible mailboxes, sorted by name, and the namespace levels above other users' and shared ones
     * ("Other Users", "Other Users/bob", "Shared Folders"), which are no mailboxes (RFC 2342 §4). A level of
     * another user's hierarchy the user may not look up is not shown (RFC 4314 §4 LIST).
     */
    private static List<Listed> listable(List<AccessibleMailbox> visible) {
        SortedMap<String, Listed> listed = new TreeMap<>();
        for (AccessibleMailbox m : visible) {
            listed.put(m.name(), new Listed(m.name(), m.mailbox(), m.rights()));
        }
        for (AccessibleMailbox m : visible) {
            if (m.personal()) {
                continue;
            }
            String root = m.name().startsWith(Namespaces.SHARED_FOLDERS) ? Namespaces.SHARED_FOLDERS
                    : Namespaces.OTHER_USERS;
            listed.putIfAbsent(root, new Listed(root, null, Rights.NONE));
            if (root.equals(Namespaces.OTHER_USERS)) {
                int user = m.name().indexOf(MailboxName.DELIMITER, root.length() + 1);
                String level = m.name().substring(0, user);
                listed.putIfAbsent(level, new Listed(level, null, Rights.NONE));
            }
        }
        return List.copyOf(listed.values());
    }

    private static boolean hasChildren(List<Listed> all, String name) {
        String children = name + MailboxName.DELIMITER;
        return all.stream().anyMatch(c -> c.name().startsWith(children));
    }

    private static void status(ImapSession session, Listed m, Request request) {
        if (m.mailbox() == null) {
            return;
        }
        if (request.statusItems() != null && m.rights().has(Right.READ)) {
            // RFC 5819 §2: STATUS follows the LIST line of each selectable mailbox (RFC 4314 §4: one it may read)
            session.out().untagged(StatusCommand.response(session, m.name(), m.mailbox(), request.statusItems()));
        }
        if (request.returnMyRights()) {
            // RFC 8440 §3: MYRIGHTS after the LIST line of each mailbox listed
            session.out().untagged("MYRIGHTS " + MailboxArgument.encode(session, m.name()) + " " + m.rights());
        }
    }

    /** One LIST or LSUB line; {@code listed} is null for a name without a mailbox. */
    private void line(ImapSession session, String name, Listed listed, boolean hasChildren, boolean subscribed,
            Request request, String extended) {
        MailboxInfo m = listed == null ? null : listed.mailbox();
        boolean level = listed != null && m == null;
        List<String> attributes = new ArrayList<>();
        if (lsub) {
            if (m == null) {
                // RFC 3501 §6.3.9: a subscribed name whose mailbox is gone stays listed; it cannot be selected
                attributes.add("\\Noselect");
            }
        } else {
            if (level) {
                // RFC 2342 §4: a namespace level holds mailboxes but is none
                attributes.add("\\Noselect");
            } else if (m == null) {
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
