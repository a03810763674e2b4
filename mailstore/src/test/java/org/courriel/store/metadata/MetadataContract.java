package org.courriel.store.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import courriel.test.StoreTestApplication;
import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.metadata.MetadataService.Depth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Annotations in the store (RFC 5464), on every database Courriel supports (one subclass each). */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class MetadataContract {

    private static final MetadataLimits LIMITS = new MetadataLimits(1024, 10, 4096);
    private static int counter;

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MetadataService metadata;
    @Autowired
    MailboxEventBus events;

    AccountInfo bob;
    AccountInfo alice;

    @BeforeEach
    void accounts() {
        String domain = "m" + (++counter) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = accounts.create("bob@" + domain, "correct horse battery", "Bob", 0);
        alice = accounts.create("alice@" + domain, "correct horse battery", "Alice", 0);
    }

    private static MetadataEntry entry(String name, String value) {
        return new MetadataEntry(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> read(AccountInfo who, String mailbox, Depth depth, String... names) {
        return metadata.get(who.id(), mailbox, List.of(names), depth).stream()
                .map(e -> e.name() + "=" + new String(e.value(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void mailboxEntriesAreSetReadAndRemovedByCaseInsensitiveName() {
        metadata.set(bob.id(), "INBOX", List.of(entry("/private/comment", "My own comment"),
                entry("/Shared/Comment", "Shared comment")), LIMITS);

        assertThat(read(bob, "inbox", Depth.ZERO, "/shared/comment", "/PRIVATE/comment"))
                .containsExactly("/private/comment=My own comment", "/shared/comment=Shared comment");
        metadata.set(bob.id(), "INBOX", List.of(entry("/private/comment", null)), LIMITS);
        assertThat(read(bob, "INBOX", Depth.ZERO, "/private/comment", "/shared/comment"))
                .containsExactly("/shared/comment=Shared comment");
    }

    @Test
    void depthOneReachesChildrenAndInfinityEveryDescendant() {
        metadata.set(bob.id(), "INBOX", List.of(entry("/private/filters/values/small", "SMALLER 5000"),
                entry("/private/filters/values/boss", "FROM boss"), entry("/private/filters/values/a/b", "deep"),
                entry("/private/filters/values_x", "not below")), LIMITS);

        assertThat(read(bob, "INBOX", Depth.ZERO, "/private/filters/values")).isEmpty();
        assertThat(read(bob, "INBOX", Depth.ONE, "/private/filters/values")).containsExactly(
                "/private/filters/values/boss=FROM boss", "/private/filters/values/small=SMALLER 5000");
        assertThat(read(bob, "INBOX", Depth.INFINITY, "/private/filters/values")).containsExactly(
                "/private/filters/values/a/b=deep", "/private/filters/values/boss=FROM boss",
                "/private/filters/values/small=SMALLER 5000");
    }

    @Test
    void privateServerEntriesBelongToTheirAccountAndSharedOnesAreReadOnly() {
        metadata.set(bob.id(), "", List.of(entry("/private/vendor/courriel/theme", "dark")), LIMITS);

        assertThat(read(bob, "", Depth.ZERO, "/private/vendor/courriel/theme"))
                .containsExactly("/private/vendor/courriel/theme=dark");
        assertThat(read(alice, "", Depth.ZERO, "/private/vendor/courriel/theme")).isEmpty();
        assertThatThrownBy(() -> metadata.set(bob.id(), "", List.of(entry("/shared/comment", "x")), LIMITS))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_ALLOWED));
    }

    @Test
    void anotherAccountsMailboxIsNotFound() {
        assertThatThrownBy(() -> read(alice, "Missing", Depth.ZERO, "/shared/comment"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> metadata.set(alice.id(), "Missing", List.of(entry("/shared/comment", "x")), LIMITS))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void boundsRefuseTheWholeChange() {
        byte[] big = new byte[1025];
        Arrays.fill(big, (byte) 'x');
        assertThatThrownBy(() -> metadata.set(bob.id(), "INBOX", List.of(entry("/private/a", "kept"),
                new MetadataEntry("/private/b", big)), LIMITS))
                .isInstanceOfSatisfying(MetadataRefusal.class, e -> {
                    assertThat(e.bound()).isEqualTo(MetadataRefusal.Bound.ENTRY_SIZE);
                    assertThat(e.limit()).isEqualTo(1024);
                });
        assertThat(read(bob, "INBOX", Depth.INFINITY, "/private")).as("nothing set").isEmpty();

        List<MetadataEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry("/private/n" + i, "v"));
        }
        assertThatThrownBy(() -> metadata.set(bob.id(), "INBOX", eleven, LIMITS))
                .isInstanceOfSatisfying(MetadataRefusal.class,
                        e -> assertThat(e.bound()).isEqualTo(MetadataRefusal.Bound.ENTRY_COUNT));
        assertThat(read(bob, "INBOX", Depth.INFINITY, "/private")).as("all or nothing").isEmpty();

        byte[] kilo = new byte[1000];
        List<MetadataEntry> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(new MetadataEntry("/shared/k" + i, kilo));
        }
        assertThatThrownBy(() -> metadata.set(bob.id(), "Sent", five, LIMITS))
                .isInstanceOfSatisfying(MetadataRefusal.class,
                        e -> assertThat(e.bound()).isEqualTo(MetadataRefusal.Bound.TOTAL_SIZE));
        metadata.set(bob.id(), "Sent", five.subList(0, 4), LIMITS);
        assertThat(metadata.get(bob.id(), "Sent", List.of("/shared"), Depth.ONE)).hasSize(4);
    }

    @Test
    void entriesFollowTheirMailboxThroughRenameAndGoWithDelete() {
        mailboxes.create(bob.id(), "Projects", null);
        metadata.set(bob.id(), "Projects", List.of(entry("/shared/comment", "team")), LIMITS);

        mailboxes.rename(bob.id(), "Projects", "Archive/Projects");
        assertThat(read(bob, "Archive/Projects", Depth.ZERO, "/shared/comment")).containsExactly("/shared/comment=team");

        mailboxes.delete(bob.id(), "Archive/Projects");
        mailboxes.create(bob.id(), "Archive/Projects", null);
        assertThat(read(bob, "Archive/Projects", Depth.ZERO, "/shared/comment")).as("not inherited").isEmpty();
    }

    @Test
    void renamingInboxCopiesItsEntries() {
        metadata.set(bob.id(), "INBOX", List.of(entry("/private/comment", "mine")), LIMITS);
        mailboxes.rename(bob.id(), "INBOX", "Old");

        assertThat(read(bob, "INBOX", Depth.ZERO, "/private/comment")).containsExactly("/private/comment=mine");
        assertThat(read(bob, "Old", Depth.ZERO, "/private/comment")).containsExactly("/private/comment=mine");
    }

    @Test
    void aChangeIsPublishedWithItsEntryNames() {
        List<MailboxEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var r = events.subscribeAccount(bob.id(), heard::add)) {
            metadata.set(bob.id(), "INBOX", List.of(entry("/private/comment", "x"), entry("/shared/comment", null)),
                    LIMITS);
            metadata.set(bob.id(), "", List.of(entry("/private/comment", "x")), LIMITS);
        }
        long inbox = mailboxes.get(bob.id(), "INBOX").id();
        assertThat(heard).containsExactly(
                new MailboxEvent.MetadataChanged(bob.id(), inbox, "INBOX", List.of("/private/comment", "/shared/comment")),
                new MailboxEvent.MetadataChanged(bob.id(), 0, "", List.of("/private/comment")));
    }

    @Test
    void deletingTheAccountRemovesItsEntries() {
        metadata.set(bob.id(), "", List.of(entry("/private/comment", "x")), LIMITS);
        metadata.set(bob.id(), "INBOX", List.of(entry("/private/comment", "x")), LIMITS);
        accounts.delete(bob.address());

        AccountInfo again = accounts.create(bob.address(), "correct horse battery", "Bob", 0);
        assertThat(read(again, "", Depth.INFINITY, "/private")).isEmpty();
    }
}
