package org.courriel.imap.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.imap.fetch.FetchCommand;
import org.courriel.imap.fetch.FetchItem;
import org.courriel.imap.fetch.FetchParser;
import org.courriel.imap.metadata.MetadataResponse;
import org.courriel.imap.notify.NotifyRequest.MailboxGroup;
import org.courriel.imap.protocol.ImapString;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.imap.protocol.Status;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.Notifications;
import org.courriel.imap.session.SelectedMailbox;
import org.courriel.store.StoreException;
import org.courriel.store.acl.Right;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.mailbox.MailboxStatus;

/**
 * A session's NOTIFY SET (RFC 5465): it listens to every change of the account, which the store's event bus
 * carries across nodes, keeps at most {@code courriel.imap.max-pending-updates} of them, and turns them into
 * STATUS (§5.1 to §5.3), LIST (§5.4, §5.5) and METADATA (§5.6, §5.7) responses for the mailboxes its groups name.
 * Past the bound it says {@code OK [NOTIFICATIONOVERFLOW]} and stops, as after NOTIFY NONE (§5.8).
 * The mailboxes of other users and the shared ones that a SUBSCRIBED, SUBTREE or MAILBOXES group names, and
 * that the user may look up and read (RFC 4314 "l" and "r"), are watched one by one on the bus, at most as many
 * as {@code MailboxAccess} lists, and reported under the names the user sees; their rights are read again
 * before each report, and a mailbox whose rights are gone is dropped (§5.9).
 */
final class NotifySubscription implements Notifications {

    /** What a STATUS response for a mailbox other than the selected one carries. */
    private enum Item { MESSAGES, UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ }

    private final ImapSession session;
    private final NotifyRequest request;
    private final long accountId;
    private final int limit;
    private final List<Group> groups;
    /** The account's mailboxes by id, their names as the store has them, kept up to date by the events. */
    private final Map<Long, String> names = new LinkedHashMap<>();
    private Set<String> subscriptions;
    private final Queue<MailboxEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private volatile boolean overflowed;
    private volatile boolean closed;
    private MailboxEventBus.Registration registration;
    /** Others' and shared mailboxes the groups name, by id, under the names the user sees (RFC 2342). */
    private final Map<Long, String> foreign = new LinkedHashMap<>();
    private final Map<Long, MailboxEventBus.Registration> foreignRegistrations = new HashMap<>();
    /** Whether a group of other mailboxes asks for message events at all (else they need not be queued). */
    private final boolean wantsMessages;

    /** A group of other mailboxes with its names decoded to the store's. */
    private record Group(NotifyRequest.Filter filter, List<String> names, Set<NotifyEvent> events) {
    }

    private NotifySubscription(ImapSession session, NotifyRequest request) {
        this.session = session;
        this.request = request;
        this.accountId = session.account().id();
        this.limit = session.context().properties().maxPendingUpdates();
        List<Group> decoded = new ArrayList<>();
        for (MailboxGroup g : request.groups()) {
            List<String> store = new ArrayList<>();
            for (String raw : g.names()) {
                try {
                    store.add(MailboxName.normalize(session.decodeName(raw)));
                } catch (ImapSyntaxException notModifiedUtf7) {
                    // RFC 5465 §3.1: a name that refers to no mailbox is ignored
                }
            }
            decoded.add(new Group(g.filter(), store, g.events()));
        }
        this.groups = decoded;
        this.wantsMessages = decoded.stream().anyMatch(g -> g.events().contains(NotifyEvent.MESSAGE_NEW));
    }

    private static boolean isMessageEvent(MailboxEvent event) {
        return event instanceof MailboxEvent.MessagesAdded || event instanceof MailboxEvent.MessagesExpunged
                || event instanceof MailboxEvent.FlagsChanged;
    }

    /** Starts listening, then reads the account's mailboxes: no change falls between. */
    static NotifySubscription start(ImapSession session, NotifyRequest request) {
        NotifySubscription s = new NotifySubscription(session, request);
        s.registration = session.context().events().subscribeAccount(s.accountId, s::heard);
        try {
            for (MailboxInfo m : session.context().mailboxes().list(s.accountId)) {
                s.names.put(m.id(), m.name());
            }
            s.watchForeign();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * RFC 5465 §6.4 to §6.6 with RFC 4314: the mailboxes of other accounts the groups name and the user may look
     * up and read; PERSONAL and INBOXES are the account's own (§6.3). Bounded by what MailboxAccess lists.
     */
    private void watchForeign() {
        if (groups.stream().allMatch(g -> personalOnly(g.filter()))) {
            return;
        }
        for (AccessibleMailbox m : session.context().access().visible(accountId)) {
            watch(m);
        }
    }

    private static boolean personalOnly(NotifyRequest.Filter filter) {
        return filter == NotifyRequest.Filter.PERSONAL || filter == NotifyRequest.Filter.INBOXES;
    }

    /** Watches a foreign mailbox the groups name and the user may read; forgets it otherwise. */
    private void watch(AccessibleMailbox m) {
        if (m.personal()) {
            return;
        }
        if (!readable(m) || foreignEventsFor(m.name()).isEmpty()) {
            unwatch(m.id());
            return;
        }
        foreign.put(m.id(), m.name());
        foreignRegistrations.computeIfAbsent(m.id(), id -> session.context().events().subscribeMailbox(id, this::heard));
    }

    private void unwatch(long mailboxId) {
        foreign.remove(mailboxId);
        MailboxEventBus.Registration r = foreignRegistrations.remove(mailboxId);
        if (r != null) {
            r.close();
        }
    }

    /** RFC 5465 §5.9: events only for a mailbox the user may look up and read. */
    private static boolean readable(AccessibleMailbox m) {
        return m.has(Right.LOOKUP) && m.has(Right.READ);
    }

    /** Reads the foreign mailbox's rights and name again; drops it, and answers false, once they are gone. */
    private boolean stillWatched(long mailboxId) {
        var found = session.context().access().find(accountId, mailboxId);
        if (found.isEmpty()) {
            unwatch(mailboxId);
            return false;
        }
        watch(found.get());
        return foreign.containsKey(mailboxId);
    }

    /** On the publisher's thread: queue, within the bound, and wake the session. */
    private void heard(MailboxEvent event) {
        if (closed || overflowed || (!wantsMessages && isMessageEvent(event))) {
            return;
        }
        if (pendingCount.incrementAndGet() > limit) {
            overflowed = true;
            pending.clear();
        } else {
            pending.add(event);
        }
        session.wake();
    }

    @Override
    public boolean reportsSelected() {
        return request.selected() != null && !request.selected().events().isEmpty();
    }

    @Override
    public boolean reportsSelectedFlags() {
        return reportsSelected() && request.selected().events().contains(NotifyEvent.FLAG_CHANGE);
    }

    @Override
    public boolean pushesSelected() {
        return reportsSelected() && !request.selected().delayed();
    }

    @Override
    public boolean hasPending() {
        return overflowed || !pending.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
        if (registration != null) {
            registration.close();
        }
        foreignRegistrations.values().forEach(MailboxEventBus.Registration::close);
        foreignRegistrations.clear();
        pending.clear();
    }

    // ---- the selected mailbox (RFC 5465 §5.2)

    @Override
    public void newInSelected(long aboveUid, long upToUid) {
        List<FetchItem> fetch = request.selected() == null ? List.of() : request.selected().fetch();
        if (fetch.isEmpty() || !request.selected().events().contains(NotifyEvent.MESSAGE_NEW)) {
            return;
        }
        if (!session.selected().readableNow(session)) {
            // RFC 5465 §5.9: no content of a mailbox the user may no longer read
            return;
        }
        // the EXISTS went out: a UID FETCH of the attributes MessageNew names, for the new messages
        SequenceSet uids = SequenceSet.parse((aboveUid + 1) + ":" + upToUid);
        new FetchCommand(true).process(new FetchParser.Request(uids, fetch, -1, false, null), session);
    }

    // ---- the other mailboxes

    /** The STATUS responses of NOTIFY SET STATUS (RFC 5465 §3.1), before its tagged OK. */
    void statusResponses() {
        Map<Long, Set<NotifyEvent>> watched = new LinkedHashMap<>();
        names.forEach((id, name) -> watched.put(id, eventsFor(name)));
        foreign.forEach((id, name) -> watched.put(id, foreignEventsFor(name)));
        for (Map.Entry<Long, Set<NotifyEvent>> m : watched.entrySet()) {
            if (isSelected(m.getKey())) {
                continue;
            }
            Set<NotifyEvent> events = m.getValue();
            boolean messages = events.contains(NotifyEvent.MESSAGE_NEW);
            if (messages || events.contains(NotifyEvent.FLAG_CHANGE)) {
                EnumSet<Item> items = EnumSet.of(Item.MESSAGES, Item.UIDNEXT, Item.UIDVALIDITY);
                if (events.contains(NotifyEvent.FLAG_CHANGE) && session.condstore()) {
                    items.add(Item.HIGHESTMODSEQ);
                }
                status(m.getKey(), items);
            }
        }
    }

    @Override
    public void flush() {
        if (overflowed) {
            // RFC 5465 §5.8: say so, then behave as after NOTIFY NONE
            session.out().status(null, Status.OK, ResponseCode.NOTIFICATIONOVERFLOW.bare(),
                    "Too many events; notifications are off until the next NOTIFY SET");
            session.notifications(null);
            return;
        }
        Map<Long, EnumSet<Item>> statuses = new LinkedHashMap<>();
        Set<String> renamedFrom = new HashSet<>();
        Set<String> listed = new HashSet<>();
        MailboxEvent event;
        while ((event = pending.poll()) != null) {
            pendingCount.decrementAndGet();
            switch (event) {
                case MailboxEvent.MessagesAdded a -> messageStatus(statuses, a.mailboxId(), NotifyEvent.MESSAGE_NEW);
                case MailboxEvent.MessagesExpunged x -> messageStatus(statuses, x.mailboxId(), NotifyEvent.MESSAGE_EXPUNGE);
                case MailboxEvent.FlagsChanged f -> messageStatus(statuses, f.mailboxId(), NotifyEvent.FLAG_CHANGE);
                case MailboxEvent.MailboxChanged c when c.accountId() != accountId -> foreignChanged(c);
                case MailboxEvent.MailboxChanged c -> mailboxChanged(c, renamedFrom, listed);
                case MailboxEvent.MetadataChanged m when m.accountId() != accountId -> {
                    // another's mailbox metadata: not reported (its entry names are the owner's)
                }
                case MailboxEvent.MetadataChanged m -> metadataChanged(m);
            }
        }
        statuses.forEach((id, items) -> {
            // a mailbox deleted meanwhile has had its LIST (\NonExistent); a foreign one must still be readable
            if (names.containsKey(id) || foreign.containsKey(id) && stillWatched(id)) {
                status(id, items);
            }
        });
    }

    /** RFC 5465 §5.1 to §5.3: what STATUS of another mailbox carries for a message event. */
    private void messageStatus(Map<Long, EnumSet<Item>> statuses, long mailboxId, NotifyEvent kind) {
        Set<NotifyEvent> events;
        if (names.containsKey(mailboxId)) {
            events = eventsFor(names.get(mailboxId));
        } else if (foreign.containsKey(mailboxId)) {
            events = foreignEventsFor(foreign.get(mailboxId));
        } else {
            return;
        }
        if (isSelected(mailboxId) || !events.contains(kind)) {
            return;
        }
        EnumSet<Item> items = statuses.computeIfAbsent(mailboxId, id -> EnumSet.noneOf(Item.class));
        if (kind == NotifyEvent.FLAG_CHANGE) {
            // §5.1: UIDVALIDITY, the UNSEEN count (which we always send), HIGHESTMODSEQ with CONDSTORE
            items.add(Item.UIDVALIDITY);
            items.add(Item.UNSEEN);
        } else {
            // §5.2, §5.3: UIDNEXT and MESSAGES
            items.add(Item.UIDNEXT);
            items.add(Item.MESSAGES);
        }
        if (session.condstore()) {
            items.add(Item.HIGHESTMODSEQ);
        }
    }

    private void status(long mailboxId, Set<Item> items) {
        MailboxStatus s;
        try {
            s = session.context().mailboxes().status(mailboxId);
        } catch (StoreException gone) {
            return; // deleted meanwhile: its MailboxName event tells
        }
        String name = names.containsKey(mailboxId) ? names.get(mailboxId) : foreign.get(mailboxId);
        StringBuilder sb = new StringBuilder("STATUS ").append(encoded(name)).append(" (");
        List<String> parts = new ArrayList<>();
        for (Item item : items) {
            long value = switch (item) {
                case MESSAGES -> s.messages();
                case UIDNEXT -> s.uidNext();
                case UIDVALIDITY -> s.uidValidity();
                case UNSEEN -> s.unseen();
                case HIGHESTMODSEQ -> s.highestModseq();
            };
            parts.add(item.name() + " " + value);
        }
        session.out().untagged(sb.append(String.join(" ", parts)).append(')'));
    }

    /** RFC 5465 §5.4 MailboxName and §5.5 SubscriptionChange: an unsolicited LIST per affected name. */
    private void mailboxChanged(MailboxEvent.MailboxChanged c, Set<String> renamedFrom, Set<String> listed) {
        switch (c.kind()) {
            case CREATED -> {
                names.put(c.mailboxId(), c.name());
                createdOrDeleted(c.name(), listed);
            }
            case DELETED -> {
                names.remove(c.mailboxId());
                createdOrDeleted(c.name(), listed);
            }
            case RENAMED -> {
                String old = names.put(c.mailboxId(), c.name());
                if (old == null) {
                    return;
                }
                renamedFrom.add(old);
                // §5.4: children are renamed with their parent, and no event of their own is sent
                boolean child = renamedFrom.stream().anyMatch(p -> old.startsWith(p + MailboxName.DELIMITER));
                if (!child && (eventsFor(c.name()).contains(NotifyEvent.MAILBOX_NAME)
                        || eventsFor(old).contains(NotifyEvent.MAILBOX_NAME))) {
                    list(c.name(), old);
                }
            }
            case SUBSCRIPTION -> {
                // §6.4: the subscribed set is evaluated again; the name is affected before and after the change
                boolean before = subscriptions().contains(c.name())
                        && eventsFor(c.name()).contains(NotifyEvent.SUBSCRIPTION_CHANGE);
                subscriptions = null;
                if (before || eventsFor(c.name()).contains(NotifyEvent.SUBSCRIPTION_CHANGE)) {
                    list(c.name(), null);
                }
                subscribedForeign(c.name());
            }
        }
    }

    /**
     * RFC 5465 §5.4: a created or deleted mailbox and its direct parent, existing or not, are affected; each name
     * is listed once per flush (the store creates missing parents with events of their own).
     */
    private void createdOrDeleted(String name, Set<String> listed) {
        int slash = name.lastIndexOf(MailboxName.DELIMITER);
        List<String> affected = slash < 0 ? List.of(name) : List.of(name, name.substring(0, slash));
        for (String n : affected) {
            if (eventsFor(n).contains(NotifyEvent.MAILBOX_NAME) && listed.add(n)) {
                list(n, null);
            }
        }
    }

    /** An unsolicited LIST with the attributes computed as LIST would (RFC 5465 §5.5), OLDNAME for a rename. */
    private void list(String name, String oldName) {
        List<String> attributes = new ArrayList<>();
        if (!names.containsValue(name)) {
            attributes.add("\\NonExistent");
        } else {
            String prefix = name + MailboxName.DELIMITER;
            boolean children = names.values().stream().anyMatch(n -> n.startsWith(prefix));
            attributes.add(children ? "\\HasChildren" : "\\HasNoChildren");
        }
        if (subscriptions().contains(name)) {
            attributes.add("\\Subscribed");
        }
        StringBuilder sb = new StringBuilder("LIST (").append(String.join(" ", attributes)).append(") \"/\" ")
                .append(encoded(name));
        if (oldName != null) {
            // RFC 5258 §9 mbox-list-extended: ("OLDNAME" (old))
            sb.append(" (\"OLDNAME\" (").append(encoded(oldName)).append("))");
        }
        session.out().untagged(sb);
    }

    /** RFC 5465 §5.6, §5.7: METADATA with the changed entry names (RFC 5464 §4.4.2). */
    private void metadataChanged(MailboxEvent.MetadataChanged m) {
        boolean wanted;
        if (m.mailboxId() == 0) {
            wanted = groups.stream().anyMatch(g -> g.events().contains(NotifyEvent.SERVER_METADATA_CHANGE));
        } else {
            wanted = eventsFor(m.mailboxName()).contains(NotifyEvent.MAILBOX_METADATA_CHANGE);
        }
        if (wanted && !m.entries().isEmpty()) {
            String mailbox = m.mailboxId() == 0 ? "\"\"" : encoded(m.mailboxName());
            session.out().untagged(MetadataResponse.names(mailbox, m.entries()));
        }
    }

    /** A foreign name the user subscribed or unsubscribed: watched from now on, or no longer (§6.4). */
    private void subscribedForeign(String name) {
        if (!name.equals(MailboxName.normalize(name)) || names.containsValue(name)) {
            return;
        }
        Long known = foreign.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (known != null) {
            stillWatched(known);
        } else if (!foreignEventsFor(name).isEmpty()) {
            session.context().access().find(accountId, name).ifPresent(this::watch);
        }
    }

    /** A watched foreign mailbox renamed or deleted by its owner: its name is looked up again, or it is dropped. */
    private void foreignChanged(MailboxEvent.MailboxChanged c) {
        if (!foreign.containsKey(c.mailboxId())) {
            return;
        }
        if (c.kind() == MailboxEvent.MailboxChanged.Kind.DELETED) {
            unwatch(c.mailboxId());
        } else {
            stillWatched(c.mailboxId());
        }
    }

    /** The events the SUBSCRIBED, SUBTREE and MAILBOXES groups ask for on a foreign name (§6.3: not PERSONAL). */
    private Set<NotifyEvent> foreignEventsFor(String name) {
        Set<NotifyEvent> events = EnumSet.noneOf(NotifyEvent.class);
        for (Group g : groups) {
            if (!personalOnly(g.filter()) && matches(g, name)) {
                events.addAll(g.events());
            }
        }
        return events;
    }

    /** The events the groups of other mailboxes ask for on this name (RFC 5465 §6.2 to §6.6). */
    private Set<NotifyEvent> eventsFor(String name) {
        Set<NotifyEvent> events = EnumSet.noneOf(NotifyEvent.class);
        for (Group g : groups) {
            if (matches(g, name)) {
                events.addAll(g.events());
            }
        }
        return events;
    }

    private boolean matches(Group g, String name) {
        return switch (g.filter()) {
            // every mailbox of the account is personal, and any may receive mail (Sieve fileinto): §6.3 allows
            // INBOXES to be PERSONAL
            case PERSONAL, INBOXES -> true;
            case SUBSCRIBED -> subscriptions().contains(name);
            case SUBTREE -> g.names().stream().anyMatch(n -> name.equals(n) || name.startsWith(n + MailboxName.DELIMITER));
            // §6.6: no wildcard expansion
            case MAILBOXES -> g.names().contains(name);
        };
    }

    private Set<String> subscriptions() {
        if (subscriptions == null) {
            subscriptions = session.context().mailboxes().subscriptions(accountId);
        }
        return subscriptions;
    }

    private boolean isSelected(long mailboxId) {
        SelectedMailbox selected = session.selected();
        return selected != null && selected.id() == mailboxId;
    }

    private String encoded(String name) {
        StringBuilder sb = new StringBuilder();
        ImapString.string(sb, session.encodeName(name), session.utf8());
        return sb.toString();
    }
}
