package org.courriel.imap.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.imap.fetch.FetchItem;
import org.courriel.imap.fetch.FetchParser;
import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.notify.NotifyRequest.Filter;
import org.courriel.imap.notify.NotifyRequest.MailboxGroup;
import org.courriel.imap.notify.NotifyRequest.SelectedGroup;

/** Parses NOTIFY's arguments (RFC 5465 §8) and checks the rules of §5 and §6.1 that make a NOTIFY BAD. Pure. */
public final class NotifyParser {

    /** Most event groups and mailbox names in one NOTIFY: each name is watched, so they are bounded. */
    static final int MAX_NAMES = 1000;

    private NotifyParser() {
    }

    public static NotifyRequest parse(CommandParser args) {
        args.sp();
        String verb = args.atom().toUpperCase(Locale.ROOT);
        if (verb.equals("NONE")) {
            args.end();
            return NotifyRequest.notifyNone();
        }
        if (!verb.equals("SET")) {
            throw new ImapSyntaxException("NOTIFY SET or NOTIFY NONE");
        }
        args.sp();
        boolean status = false;
        if (args.peekKeyword("STATUS")) {
            if (!args.atom().equalsIgnoreCase("STATUS")) {
                throw new ImapSyntaxException("expected STATUS or an event group");
            }
            status = true;
            args.sp();
        }
        SelectedGroup selected = null;
        List<MailboxGroup> groups = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int names = 0;
        do {
            args.expect('(');
            String filter = args.atom().toUpperCase(Locale.ROOT);
            List<String> mailboxes = List.of();
            switch (filter) {
                case "SELECTED", "SELECTED-DELAYED" -> {
                    if (selected != null) {
                        // RFC 5465 §6.1: only one of them in a NOTIFY command
                        throw new ImapSyntaxException("SELECTED or SELECTED-DELAYED only once");
                    }
                }
                case "SUBTREE", "MAILBOXES" -> {
                    args.sp();
                    mailboxes = oneOrMore(args);
                }
                case "INBOXES", "PERSONAL", "SUBSCRIBED" -> {
                }
                default -> throw new ImapSyntaxException("unknown mailbox filter " + filter);
            }
            names += mailboxes.size() + 1;
            if (names > MAX_NAMES) {
                throw new ImapSyntaxException("more than " + MAX_NAMES + " mailbox names in NOTIFY");
            }
            args.sp();
            boolean isSelected = filter.startsWith("SELECTED");
            List<FetchItem> fetch = new ArrayList<>();
            Set<NotifyEvent> events = events(args, isSelected, fetch, unknown);
            args.expect(')');
            if (isSelected) {
                selected = new SelectedGroup(filter.equals("SELECTED-DELAYED"), events, List.copyOf(fetch));
            } else {
                groups.add(new MailboxGroup(Filter.valueOf(filter), mailboxes, events));
            }
        } while (args.skip(' '));
        args.end();
        return new NotifyRequest(false, status, selected, List.copyOf(groups), List.copyOf(unknown));
    }

    /** one-or-more-mailbox (RFC 5465 §8). */
    private static List<String> oneOrMore(CommandParser args) {
        if (!args.peekIs('(')) {
            return List.of(args.astring());
        }
        List<String> names = args.astringList();
        if (names.isEmpty()) {
            throw new ImapSyntaxException("empty list of mailboxes");
        }
        return names;
    }

    /** Whether " (" comes next: MessageNew's fetch attributes. */
    private static boolean followedByList(CommandParser args) {
        byte[] rest = args.rest();
        return rest.length > 1 && rest[0] == ' ' && rest[1] == '(';
    }

    /** events (RFC 5465 §8): NONE or a list, and the rules of §5 on which go together. */
    private static Set<NotifyEvent> events(CommandParser args, boolean selected, List<FetchItem> fetch,
            List<String> unknown) {
        Set<NotifyEvent> events = EnumSet.noneOf(NotifyEvent.class);
        if (!args.peekIs('(')) {
            if (!args.atom().equalsIgnoreCase("NONE")) {
                throw new ImapSyntaxException("expected a list of events or NONE");
            }
            return events;
        }
        args.expect('(');
        do {
            String name = args.atom();
            var event = NotifyEvent.named(name);
            if (event.isEmpty()) {
                unknown.add(name);
                continue;
            }
            NotifyEvent e = event.get();
            if (e == NotifyEvent.MESSAGE_NEW && followedByList(args)) {
                args.sp();
                if (!selected) {
                    // RFC 5465 §8: the fetch-att list only for SELECTED and SELECTED-DELAYED
                    throw new ImapSyntaxException("MessageNew takes fetch attributes only for the selected mailbox");
                }
                fetch.addAll(FetchParser.attributes(args));
            }
            if (selected && !e.messageEvent()) {
                // RFC 5465 §6.1: "It is an error to specify other types of events" with SELECTED
                throw new ImapSyntaxException(e.rfcName() + " is not a message event");
            }
            events.add(e);
        } while (args.skip(' '));
        args.expect(')');
        // RFC 5465 §5: MessageNew and MessageExpunge together; FlagChange and AnnotationChange need both
        boolean messages = events.contains(NotifyEvent.MESSAGE_NEW);
        if (messages != events.contains(NotifyEvent.MESSAGE_EXPUNGE)) {
            throw new ImapSyntaxException("MessageNew and MessageExpunge go together");
        }
        if (!messages && (events.contains(NotifyEvent.FLAG_CHANGE) || events.contains(NotifyEvent.ANNOTATION_CHANGE))) {
            throw new ImapSyntaxException("FlagChange and AnnotationChange need MessageNew and MessageExpunge");
        }
        return events;
    }
}
