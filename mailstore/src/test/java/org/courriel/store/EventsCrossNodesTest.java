package org.courriel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.event.PostgresNotifyEventBus;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.FlagUpdate;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two nodes on one PostgreSQL: a change committed on one reaches listeners on the other, even across faults. */
class EventsCrossNodesTest {

    private String url;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private long inbox;

    @BeforeEach
    void startTwoNodes() {
        url = EmbeddedPostgres.newDatabase();
        a = node("node-a");
        b = node("node-b");
        a.getBean(DomainService.class).add("nodes.example.org");
        AccountInfo bob = a.getBean(AccountService.class).create("bob@nodes.example.org", "node password", null, 0);
        inbox = a.getBean(MailboxService.class).get(bob.id(), "INBOX").id();
    }

    @AfterEach
    void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** A node whose database sessions carry its name, so a test can find (and kill) them. */
    private ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(StoreTestApplication.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name,
                "--spring.main.banner-mode=off");
    }

    private long append(String text) {
        return a.getBean(MessageService.class).append(inbox, TestMessages.simple(text), Flags.NONE, Instant.now()).uid();
    }

    @Test
    void appendOnOneNodeIsHeardOnTheOther() throws Exception {
        LinkedBlockingQueue<MailboxEvent> heard = new LinkedBlockingQueue<>();
        b.getBean(MailboxEventBus.class).subscribeMailbox(inbox, heard::add);
        long uid = append("across");

        MailboxEvent event = heard.poll(20, TimeUnit.SECONDS);
        assertThat(event).isInstanceOfSatisfying(MailboxEvent.MessagesAdded.class,
                e -> assertThat(e.uids()).isEqualTo(List.of(uid)));
        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("delivered once").isNull();
    }

    @Test
    void flagChangesCrossNodesWithTheirFlagsAndModseq() throws Exception {
        long uid = append("flagged");
        LinkedBlockingQueue<MailboxEvent> heard = new LinkedBlockingQueue<>();
        b.getBean(MailboxEventBus.class).subscribeMailbox(inbox, heard::add);
        FlagUpdate update = a.getBean(MessageService.class).storeFlags(inbox, UidSet.of(uid),
                new FlagChange(FlagChange.Mode.ADD, Flags.fromNames(List.of("\\Seen", "$Work"))), null);

        MailboxEvent.FlagsChanged changed = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (changed == null) {
            MailboxEvent e = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(e).as("B hears the change").isNotNull();
            if (e instanceof MailboxEvent.FlagsChanged f) {
                changed = f;
            }
        }
        assertThat(changed.uids()).containsExactly(uid);
        assertThat(changed.highestModseq()).isEqualTo(update.changed().get(0).modseq());
        assertThat(changed.flags()).extracting(Flags::of).containsExactly(update.changed().get(0).flags());
    }

    @Test
    void changesCommittedWhileTheListenConnectionIsDownAreHeardAfterItReconnects() throws Exception {
        LinkedBlockingQueue<MailboxEvent> heard = new LinkedBlockingQueue<>();
        b.getBean(MailboxEventBus.class).subscribeMailbox(inbox, heard::add);
        // a first message proves B listens before its LISTEN session is killed
        long first = append("before");
        assertThat(addedUids(heard, Set.of(first))).contains(first);

        try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres")) {
            int killed = listenBackend(admin, "node-b");
            try (Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + killed + ")");
            }
            // A keeps delivering until B listens again, so some of these fall in the gap
            Set<Long> sent = new TreeSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (listenBackend(admin, "node-b") == killed || listenBackend(admin, "node-b") == 0) {
                sent.add(append("during " + sent.size()));
                assertThat(System.nanoTime()).as("B listens again").isLessThan(deadline);
            }
            sent.add(append("after"));

            assertThat(addedUids(heard, sent)).containsAll(sent);
        }
    }

    @Test
    void aNotificationThatCouldNotBeSentIsSentAgain() throws Exception {
        LinkedBlockingQueue<MailboxEvent> heard = new LinkedBlockingQueue<>();
        b.getBean(MailboxEventBus.class).subscribeMailbox(inbox, heard::add);
        // a third node whose first NOTIFY fails: its database connection breaks
        PostgresNotifyEventBus flaky = new PostgresNotifyEventBus(failingOnce(a.getBean(DataSource.class)));
        flaky.start();
        try {
            flaky.publish(new MailboxEvent.MessagesAdded(0, inbox, List.of(4242L), 4242));
            assertThat(addedUids(heard, Set.of(4242L))).contains(4242L);
        } finally {
            flaky.stop();
        }
    }

    @Test
    void anAnnotationChangeOnALongMailboxNameCrossesNodesWithAllItsEntries() throws Exception {
        LinkedBlockingQueue<MailboxEvent> heard = new LinkedBlockingQueue<>();
        b.getBean(MailboxEventBus.class).subscribeMailbox(inbox, heard::add);
        // the longest names there are, each doubled by escaping: three entries no longer fit in one NOTIFY
        String mailbox = "\\".repeat(900);
        List<String> entries = List.of("/private/a" + "\\".repeat(1000), "/private/b" + "\\".repeat(1000),
                "/private/c" + "\\".repeat(1000));
        MailboxEventBus bus = a.getBean(MailboxEventBus.class);
        bus.publish(new MailboxEvent.MetadataChanged(0, inbox, mailbox, entries));
        bus.publish(new MailboxEvent.MessagesAdded(0, inbox, List.of(4343L), 4343));

        List<String> entriesHeard = new ArrayList<>();
        assertThat(addedUids(heard, Set.of(4343L), e -> {
            if (e instanceof MailboxEvent.MetadataChanged m) {
                assertThat(m.mailboxName()).isEqualTo(mailbox);
                entriesHeard.addAll(m.entries());
            }
        })).as("the events behind it are not held up").contains(4343L);
        assertThat(entriesHeard).isEqualTo(entries);
    }

    @Test
    void aNotificationPostgresqlRefusesAsTooLongDoesNotHoldUpTheOthers() throws Exception {
        LinkedBlockingQueue<MailboxEvent> heard = new LinkedBlockingQueue<>();
        b.getBean(MailboxEventBus.class).subscribeMailbox(inbox, heard::add);
        PostgresNotifyEventBus bus = (PostgresNotifyEventBus) a.getBean(MailboxEventBus.class);
        bus.publish(new MailboxEvent.MailboxChanged(0, inbox, "x".repeat(9000),
                MailboxEvent.MailboxChanged.Kind.RENAMED));
        bus.publish(new MailboxEvent.MessagesAdded(0, inbox, List.of(4444L), 4444));

        assertThat(addedUids(heard, Set.of(4444L))).contains(4444L);
        assertThat(bus.refusedEvents()).isEqualTo(1);
    }

    /** The UIDs B heard were added, until all the expected ones are in or 10 s have passed. */
    private static Set<Long> addedUids(LinkedBlockingQueue<MailboxEvent> heard, Set<Long> expected)
            throws InterruptedException {
        return addedUids(heard, expected, e -> { });
    }

    /** The same, showing every event heard meanwhile to {@code seen}. */
    private static Set<Long> addedUids(LinkedBlockingQueue<MailboxEvent> heard, Set<Long> expected,
            java.util.function.Consumer<MailboxEvent> seen) throws InterruptedException {
        Set<Long> uids = new TreeSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!uids.containsAll(expected)) {
            MailboxEvent e = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                break;
            }
            seen.accept(e);
            if (e instanceof MailboxEvent.MessagesAdded added) {
                uids.addAll(added.uids());
            }
        }
        return uids;
    }

    /** The backend pid of the node's LISTEN session, 0 while it has none. */
    private static int listenBackend(Connection admin, String node) throws SQLException {
        try (Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '" + node
                        + "' AND query LIKE 'LISTEN%'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** A data source whose first connection taken by a NOTIFY sender thread fails. */
    private static DataSource failingOnce(DataSource real) {
        AtomicBoolean failed = new AtomicBoolean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")
                            && Thread.currentThread().getName().equals("courriel-events-notify")
                            && failed.compareAndSet(false, true)) {
                        throw new SQLException("connection reset (test)", "08006");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
