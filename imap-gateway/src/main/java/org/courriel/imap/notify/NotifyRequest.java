package org.courriel.imap.notify;

import java.util.List;
import java.util.Set;

import org.courriel.imap.fetch.FetchItem;

/**
 * A parsed NOTIFY (RFC 5465 §3.1): NONE, or SET with the STATUS indicator, at most one group for the selected
 * mailbox and the groups of other mailboxes. Names are as the client sent them; events it named that RFC 5465
 * does not define are kept to be refused with NO [BADEVENT].
 */
public record NotifyRequest(boolean none, boolean status, SelectedGroup selected, List<MailboxGroup> groups,
        List<String> unknownEvents) {

    /** The mailboxes a group of other mailboxes names (RFC 5465 §6.2 to §6.6). */
    public enum Filter { INBOXES, PERSONAL, SUBSCRIBED, SUBTREE, MAILBOXES }

    /**
     * SELECTED or SELECTED-DELAYED (RFC 5465 §6.1) and its message events; {@code fetch} are the attributes
     * MessageNew asks for (empty: none).
     */
    public record SelectedGroup(boolean delayed, Set<NotifyEvent> events, List<FetchItem> fetch) {
    }

    /** A group of other mailboxes: the filter, its names (SUBTREE, MAILBOXES) and its events (empty: NONE). */
    public record MailboxGroup(Filter filter, List<String> names, Set<NotifyEvent> events) {
    }

    static NotifyRequest notifyNone() {
        return new NotifyRequest(true, false, null, List.of(), List.of());
    }
}
