package org.courriel.store.event;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.courriel.store.lifecycle.ShutdownPhase;
import org.springframework.context.SmartLifecycle;

import tools.jackson.databind.json.JsonMapper;

/**
 * The event bus of a node that shares its PostgreSQL database with other nodes: events committed here are
 * delivered to this node's listeners at once and sent to the others with NOTIFY; events other nodes send
 * arrive through LISTEN on a dedicated connection and are delivered here. So an IMAP session IDLE on one
 * node hears of mail delivered by another.
 * <p>
 * A NOTIFY payload is at most 8000 bytes, so events with long UID lists travel in several notifications of
 * at most {@value #UIDS_PER_NOTIFICATION} UIDs each; every part is a complete event of the same kind. A flag
 * change carries the new flags when they fit, and goes without them otherwise: the receiving node's listeners
 * then read the store, as they do for changes read back after a reconnect.
 * <p>
 * An annotation change carries as many entry names per notification as fit beside the mailbox name.
 * <p>
 * Nothing is lost when a connection is: a batch of notifications that fails is sent again, in order, from
 * its first unsent part (a notification PostgreSQL refuses as too long is dropped with a warning instead, so
 * that it cannot hold up the events behind it); and after the LISTEN connection is re-established the watched mailboxes are compared
 * with what this node last heard of them and the changes it missed meanwhile are read back and delivered
 * ({@link MissedChanges}). Listeners may therefore hear a change twice, never not at all.
 */
public class PostgresNotifyEventBus extends InProcessMailboxEventBus implements SmartLifecycle {

    static final String CHANNEL = "courriel_mailbox_events";
    static final int UIDS_PER_NOTIFICATION = 400;
    /** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (the NOTIFY reference page). */
    static final int MAX_PAYLOAD_BYTES = 7999;
    /** The SQLState of PostgreSQL's "payload string too long" (invalid_parameter_value). */
    private static final String PAYLOAD_TOO_LONG = "22023";

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifyEventBus.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final String node = UUID.randomUUID().toString();
    private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>(100_000);
    private final MissedChanges missed = new MissedChanges();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean running;
    private Thread listener;
    private Thread sender;

    /**
     * What travels in a notification: the sending node and the event. A flag change carries each message's
     * system flag bits and keywords in the order of {@code uids}, or neither (null) when they would not fit.
     */
    record Envelope(String node, String kind, long accountId, long mailboxId, List<Long> uids, long modseq,
            String name, String change, List<Integer> system, List<Set<String>> keywords, List<String> entries) {

        Envelope(String node, String kind, long accountId, long mailboxId, List<Long> uids, long modseq, String name,
                String change, List<Integer> system, List<Set<String>> keywords) {
            this(node, kind, accountId, mailboxId, uids, modseq, name, change, system, keywords, null);
        }
    }

    public PostgresNotifyEventBus(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void publish(MailboxEvent event) {
        deliver(event);
        for (String payload : payloads(event)) {
            if (!outgoing.offer(payload)) {
                log.warn("Event queue to other nodes is full; dropped {}", event);
            }
        }
    }

    /** Delivers to this node's listeners and remembers how far they heard. */
    private void deliver(MailboxEvent event) {
        missed.heard(event);
        super.publish(event);
    }

    @Override
    public Registration subscribeMailbox(long mailboxId, MailboxListener listener) {
        Registration registration = super.subscribeMailbox(mailboxId, listener);
        // after subscribing: a change committed from now on is either in the watermark read or heard
        try (Connection c = dataSource.getConnection()) {
            missed.watch(c, mailboxId);
        } catch (SQLException e) {
            log.warn("Cannot read the state of mailbox {}; changes missed during a reconnect may go unheard: {}",
                    mailboxId, e.toString());
        }
        return () -> {
            synchronized (missed) {
                registration.close();
                missed.forgetUnless(mailboxId, isWatched(mailboxId));
            }
        };
    }

    /** The notifications that carry an event to the other nodes, in order, each within NOTIFY's payload limit. */
    List<String> payloads(MailboxEvent event) {
        List<String> out = new ArrayList<>();
        switch (event) {
            case MailboxEvent.MessagesAdded e -> chunks(e.uids()).forEach(u -> out.add(json(
                    new Envelope(node, "added", e.accountId(), e.mailboxId(), u, e.highestModseq(), null, null, null, null))));
            case MailboxEvent.FlagsChanged e -> {
                int from = 0;
                for (List<Long> u : chunks(e.uids())) {
                    out.add(flags(e, u, e.carriesFlags() ? e.flags().subList(from, from + u.size()) : null));
                    from += u.size();
                }
            }
            case MailboxEvent.MessagesExpunged e -> chunks(e.uids()).forEach(u -> out.add(json(
                    new Envelope(node, "expunged", e.accountId(), e.mailboxId(), u, e.highestModseq(), null, null, null, null))));
            case MailboxEvent.MailboxChanged e -> out.add(json(new Envelope(node, "mailbox", e.accountId(), e.mailboxId(),
                    List.of(), 0, e.name(), e.kind().name(), null, null)));
            case MailboxEvent.MetadataChanged e -> metadata(e, out);
        }
        return out;
    }

    /**
     * The parts of an annotation change: as many entry names per notification as fit beside the mailbox name
     * (both can be long, and twice as long escaped). An entry that fits in no notification goes as an empty
     * entry list, which tells the other nodes that something changed in that mailbox without saying what.
     */
    private void metadata(MailboxEvent.MetadataChanged e, List<String> out) {
        List<String> entries = e.entries();
        String last = null;
        int from = 0;
        for (int i = 0; i < entries.size(); i++) {
            String candidate = part(e, entries.subList(from, i + 1));
            if (fits(candidate)) {
                last = candidate;
                continue;
            }
            if (last != null) {
                out.add(last);
            }
            from = i;
            last = part(e, entries.subList(i, i + 1));
            if (!fits(last)) {
                out.add(part(e, List.of()));
                from = i + 1;
                last = null;
            }
        }
        if (last != null) {
            out.add(last);
        } else if (entries.isEmpty()) {
            out.add(part(e, List.of()));
        }
    }

    private String part(MailboxEvent.MetadataChanged e, List<String> entries) {
        return json(new Envelope(node, "metadata", e.accountId(), e.mailboxId(), List.of(), 0, e.mailboxName(),
                null, null, null, entries));
    }

    private static boolean fits(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES;
    }

    /**
     * One part of a flag change, with the flags when they fit in a notification (keywords can be long); without
     * them otherwise, so that the other nodes read the store for these messages.
     */
    private String flags(MailboxEvent.FlagsChanged e, List<Long> uids, List<MailboxEvent.FlagValues> flags) {
        if (flags != null) {
            String full = json(new Envelope(node, "flags", e.accountId(), e.mailboxId(), uids, e.highestModseq(), null,
                    null, flags.stream().map(MailboxEvent.FlagValues::system).toList(),
                    flags.stream().map(MailboxEvent.FlagValues::keywords).toList()));
            if (fits(full)) {
                return full;
            }
        }
        return json(new Envelope(node, "flags", e.accountId(), e.mailboxId(), uids, e.highestModseq(), null, null,
                null, null));
    }

    private static String json(Envelope envelope) {
        return JSON.writeValueAsString(envelope);
    }

    private static List<List<Long>> chunks(List<Long> uids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < uids.size(); i += UIDS_PER_NOTIFICATION) {
            chunks.add(uids.subList(i, Math.min(uids.size(), i + UIDS_PER_NOTIFICATION)));
        }
        return chunks.isEmpty() ? List.of(List.of()) : chunks;
    }

    static MailboxEvent event(Envelope e) {
        return switch (e.kind()) {
            case "added" -> new MailboxEvent.MessagesAdded(e.accountId(), e.mailboxId(), e.uids(), e.modseq());
            case "flags" -> new MailboxEvent.FlagsChanged(e.accountId(), e.mailboxId(), e.uids(), e.modseq(), flags(e));
            case "expunged" -> new MailboxEvent.MessagesExpunged(e.accountId(), e.mailboxId(), e.uids(), e.modseq());
            case "metadata" -> new MailboxEvent.MetadataChanged(e.accountId(), e.mailboxId(), e.name(),
                    e.entries() == null ? List.of() : e.entries());
            default -> new MailboxEvent.MailboxChanged(e.accountId(), e.mailboxId(), e.name(),
                    MailboxEvent.MailboxChanged.Kind.valueOf(e.change()));
        };
    }

    /** The flags a notification carries, or null (the listener reads the store). */
    private static List<MailboxEvent.FlagValues> flags(Envelope e) {
        if (e.system() == null || e.keywords() == null || e.system().size() != e.uids().size()
                || e.keywords().size() != e.uids().size()) {
            return null;
        }
        List<MailboxEvent.FlagValues> flags = new ArrayList<>(e.uids().size());
        for (int i = 0; i < e.uids().size(); i++) {
            flags.add(new MailboxEvent.FlagValues(e.system().get(i), e.keywords().get(i)));
        }
        return flags;
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                catchUp();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        receive(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                missed.deaf();
                if (running) {
                    log.warn("LISTEN connection lost, reconnecting: {}", e.toString());
                    sleep(1000);
                }
            }
        }
    }

    /** Delivers what was committed while this node was not listening (nothing on the first LISTEN). */
    private void catchUp() throws SQLException {
        List<MailboxEvent> events;
        // on another connection: the LISTEN session stays recognisable in pg_stat_activity
        try (Connection c = dataSource.getConnection()) {
            events = missed.readBack(c);
        }
        if (!events.isEmpty()) {
            log.info("Caught up on {} missed change events after (re)connecting LISTEN", events.size());
        }
        events.forEach(super::publish);
    }

    private void receive(String payload) {
        try {
            Envelope e = JSON.readValue(payload, Envelope.class);
            if (!node.equals(e.node())) {
                deliver(event(e));
            }
        } catch (RuntimeException ex) {
            log.warn("Unreadable event from another node: {}", payload, ex);
        }
    }

    private void send() {
        while (running || !outgoing.isEmpty()) {
            String first;
            try {
                first = outgoing.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            List<String> batch = new ArrayList<>();
            batch.add(first);
            outgoing.drainTo(batch, 500);
            int sent = 0;
            while (sent < batch.size()) {
                sent = sendFrom(batch, sent);
                if (sent < batch.size()) {
                    if (!running) {
                        log.warn("Stopping with {} events not sent to other nodes", batch.size() - sent);
                        return;
                    }
                    sleep(1000);
                }
            }
        }
    }

    /**
     * Sends the batch from {@code from} on; returns how far it got. A payload PostgreSQL refuses as too long is
     * dropped, not retried: it would be refused again forever and hold up every event behind it.
     */
    private int sendFrom(List<String> batch, int from) {
        int sent = from;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            c.setAutoCommit(true);
            for (; sent < batch.size(); sent++) {
                ps.setString(1, CHANNEL);
                ps.setString(2, batch.get(sent));
                try {
                    ps.execute();
                } catch (SQLException e) {
                    if (!PAYLOAD_TOO_LONG.equals(e.getSQLState())) {
                        throw e;
                    }
                    refused.incrementAndGet();
                    log.warn("Dropped an event PostgreSQL refuses to notify ({} bytes): {}",
                            batch.get(sent).getBytes(StandardCharsets.UTF_8).length, e.getMessage());
                }
            }
        } catch (SQLException e) {
            log.warn("Could not notify other nodes of {} events, will retry: {}", batch.size() - sent, e.toString());
        }
        return sent;
    }

    /** How many events were not sent to the other nodes because PostgreSQL refused them as too long. */
    public long refusedEvents() {
        return refused.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("courriel-events-listen").start(this::listen);
        sender = Thread.ofPlatform().daemon().name("courriel-events-notify").start(this::send);
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (Thread t : new Thread[] {listener, sender}) {
            if (t != null) {
                try {
                    t.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the group committer (which stops late), so the events of its last batches still go out. */
    @Override
    public int getPhase() {
        return ShutdownPhase.EVENTS;
    }
}
