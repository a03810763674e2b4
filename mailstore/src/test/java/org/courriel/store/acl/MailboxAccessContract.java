package org.courriel.store.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import courriel.test.StoreTestApplication;
import org.courriel.store.StoreException;
import org.courriel.store.TestMessages;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxAccess;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.mailbox.SpecialUse;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Access control lists and the namespaces they open (RFC 4314, RFC 2342), on every database Courriel supports. */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class MailboxAccessContract {

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MailboxAccess access;
    @Autowired
    MessageService messages;
    @Autowired
    MailboxAcl acl;

    String domain;
    AccountInfo bob;
    AccountInfo alice;

    @BeforeEach
    void accounts() {
        domain = "acl" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = accounts.create("bob@" + domain, "secret password", "Bob", 0);
        alice = accounts.create("alice@" + domain, "secret password", "Alice", 0);
        mailboxes.create(bob.id(), "Projects", null);
    }

    @Test
    void anotherUsersMailboxAppearsOnlyOnceGranted() {
        assertThat(access.find(alice.id(), "Other Users/bob/Projects")).isEmpty();
        assertThat(names(alice)).noneMatch(n -> n.startsWith("Other Users"));

        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("lr"));

        assertThat(names(alice)).contains("Other Users/bob/Projects").doesNotContain("Other Users/bob/INBOX");
        AccessibleMailbox projects = access.find(alice.id(), "Other Users/bob/Projects").orElseThrow();
        assertThat(projects.rights()).isEqualTo(Rights.parse("lr"));
        assertThat(projects.mailbox().accountId()).isEqualTo(bob.id());
        assertThat(access.find(bob.id(), "Projects").orElseThrow().rights()).isEqualTo(Rights.ALL);
        assertThat(access.acl(bob.id(), "Projects")).containsEntry(alice.address(), Rights.parse("lr"))
                .containsEntry(bob.address(), Rights.ALL);
    }

    @Test
    void withoutLookupARefusalDoesNotRevealTheMailbox() {
        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("r"));
        assertThatThrownBy(() -> access.acl(alice.id(), "Other Users/bob/Projects"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        assertThat(names(alice)).doesNotContain("Other Users/bob/Projects");

        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("lr"));
        assertThatThrownBy(() -> access.acl(alice.id(), "Other Users/bob/Projects"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NO_PERMISSION));
    }

    @Test
    void anyoneMeansTheOwnersDomain() {
        String other = "acl-other" + System.nanoTime() + ".example.org";
        domains.add(other);
        AccountInfo carol = accounts.create("carol@" + other, "secret password", "Carol", 0);
        access.setAcl(bob.id(), "Projects", MailboxAcl.ANYONE, Rights.parse("lr"));

        assertThat(names(alice)).contains("Other Users/bob/Projects");
        assertThat(names(carol)).noneMatch(n -> n.contains("Projects"));
        assertThat(access.find(carol.id(), "Other Users/bob@" + domain + "/Projects")).isEmpty();

        // a grant by address crosses domains; the owner is then named by address
        access.setAcl(bob.id(), "Projects", carol.address(), Rights.parse("l"));
        assertThat(names(carol)).contains("Other Users/bob@" + domain + "/Projects");
    }

    @Test
    void flagsBeyondTheRightsAreLeftOut() {
        long projects = mailboxes.get(bob.id(), "Projects").id();
        messages.append(projects, TestMessages.simple("one"), Flags.NONE, Instant.now());
        Rights seenOnly = Rights.parse("lrs");

        var update = messages.storeFlags(projects, seenOnly, UidSet.ALL,
                new FlagChange(FlagChange.Mode.ADD, Flags.of(SystemFlag.SEEN, SystemFlag.FLAGGED)), null);
        assertThat(update.changed()).singleElement().satisfies(m -> {
            assertThat(m.flags().has(SystemFlag.SEEN)).isTrue();
            assertThat(m.flags().has(SystemFlag.FLAGGED)).isFalse();
        });
        assertThatThrownBy(() -> messages.storeFlags(projects, seenOnly, UidSet.ALL,
                new FlagChange(FlagChange.Mode.ADD, Flags.of(SystemFlag.DELETED)), null))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NO_PERMISSION));
        assertThatThrownBy(() -> messages.expunge(projects, seenOnly, null))
                .isInstanceOf(StoreException.class);

        // COPY into a mailbox with "i" alone: the copy keeps no flag (RFC 4314 §4)
        long inbox = mailboxes.inboxId(bob.id());
        var copy = messages.copy(projects, UidSet.ALL, inbox, Rights.parse("li"));
        messages.scan(inbox, UidSet.of(copy.destinationUids().stream().mapToLong(Long::longValue).toArray()),
                org.courriel.store.message.MessageFields.BASIC, r -> assertThat(r.flags()).isEqualTo(Flags.NONE));
        assertThatThrownBy(() -> messages.copy(projects, UidSet.ALL, inbox, Rights.parse("lr")))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void createUnderASharedFolderNeedsKAndInheritsTheAcl() {
        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("lr"));
        assertThatThrownBy(() -> access.create(alice.id(), "Other Users/bob/Projects/Q4", null))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NO_PERMISSION));

        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("lrk"));
        access.create(alice.id(), "Other Users/bob/Projects/Q4", null);

        assertThat(mailboxes.find(bob.id(), "Projects/Q4")).isPresent();
        assertThat(access.acl(bob.id(), "Projects/Q4")).containsEntry(alice.address(), Rights.parse("lrk"));
        assertThat(names(alice)).contains("Other Users/bob/Projects/Q4");
    }

    @Test
    void theOwnersNewSubfolderInheritsTheAclOfItsParent() {
        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("lr"));
        access.create(bob.id(), "Projects/Q1/Reports", null);

        assertThat(access.acl(bob.id(), "Projects/Q1")).containsEntry(alice.address(), Rights.parse("lr"));
        assertThat(access.acl(bob.id(), "Projects/Q1/Reports")).containsEntry(alice.address(), Rights.parse("lr"));
        assertThat(names(alice)).contains("Other Users/bob/Projects/Q1", "Other Users/bob/Projects/Q1/Reports");
        // a top-level mailbox has no parent to inherit from
        access.create(bob.id(), "Private", null);
        assertThat(access.acl(bob.id(), "Private")).containsOnlyKeys(bob.address());
    }

    @Test
    void aGranteesNewLevelsAllInheritTheAcl() {
        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("lrk"));
        access.create(alice.id(), "Other Users/bob/Projects/A/B", null);

        assertThat(access.acl(bob.id(), "Projects/A")).containsEntry(alice.address(), Rights.parse("lrk"));
        assertThat(access.acl(bob.id(), "Projects/A/B")).containsEntry(alice.address(), Rights.parse("lrk"));
    }

    @Test
    void aDeletedMailboxOrAccountTakesItsEntriesAlong() {
        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("lrx"));
        access.delete(alice.id(), "Other Users/bob/Projects");
        assertThat(mailboxes.find(bob.id(), "Projects")).isEmpty();

        mailboxes.create(bob.id(), "Projects", null);
        assertThat(access.acl(bob.id(), "Projects")).doesNotContainKey(alice.address());

        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("lr"));
        accounts.delete(alice.address());
        assertThat(access.acl(bob.id(), "Projects")).doesNotContainKey(alice.address());
    }

    @Test
    void aDomainSharedMailboxIsSeenUnderSharedFoldersAndNeverLogsIn() {
        AccountInfo info = accounts.createShared("info@" + domain, "Info", 0);
        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("l"));
        // the administrator grants on the shared INBOX through the ACL rows
        long inbox = mailboxes.inboxId(info.id());
        messages.deliver(TestMessages.simple("order"), List.of(inbox), Instant.now());
        new AclGrant(access, info.id()).grant(alice.address(), "lrs");

        assertThat(names(alice)).contains("Shared Folders/info");
        AccessibleMailbox shared = access.find(alice.id(), "Shared Folders/info").orElseThrow();
        assertThat(shared.id()).isEqualTo(inbox);
        assertThat(mailboxes.status(shared.id()).messages()).isEqualTo(1);
        assertThat(access.find(bob.id(), "Shared Folders/info")).isEmpty();
        assertThat(accounts.authenticate("info@" + domain, "anything at all")).isEmpty();
        assertThatThrownBy(() -> accounts.setPassword("info@" + domain, "a long password"))
                .isInstanceOf(StoreException.class);
        assertThat(accounts.listShared()).extracting(AccountInfo::address).filteredOn(a -> a.endsWith("@" + domain))
                .containsExactly("info@" + domain);
    }

    @Test
    void aGranteeCannotGiveASpecialUseToTheOwnersMailboxes() {
        access.setAcl(bob.id(), "INBOX", alice.address(), Rights.parse("lk"));
        assertThatThrownBy(() -> access.create(alice.id(), "Other Users/bob/INBOX/a", SpecialUse.JUNK))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_ALLOWED));
        assertThat(mailboxes.find(bob.id(), "INBOX/a")).isEmpty();
        assertThat(mailboxes.special(bob.id(), SpecialUse.JUNK, "Junk").orElseThrow().name()).isEqualTo("Junk");
    }

    @Test
    void theConventionalOrOldestSpecialMailboxWinsOverALaterOne() {
        mailboxes.create(bob.id(), "A-Trash", SpecialUse.TRASH);
        assertThat(mailboxes.special(bob.id(), SpecialUse.TRASH, "Trash").orElseThrow().name()).isEqualTo("Trash");
        mailboxes.delete(bob.id(), "Trash");
        mailboxes.create(bob.id(), "0-Trash", SpecialUse.TRASH);
        assertThat(mailboxes.special(bob.id(), SpecialUse.TRASH, "Trash").orElseThrow().name()).isEqualTo("A-Trash");
    }

    @Test
    void aSharedOwnersMailboxOutsideItsInboxIsNotListedUnderANameThatResolvesElsewhere() {
        AccountInfo info = accounts.createShared("sales@" + domain, "Sales", 0);
        new AclGrant(access, info.id()).grant(alice.address(), "lrs");
        long stray = mailboxes.create(info.id(), "Junk", null).id(); // as quarantine made them before
        access.setAcl(info.id(), "Junk", alice.address(), Rights.parse("lr"));
        mailboxes.create(info.id(), "INBOX/Junk", SpecialUse.JUNK);

        assertThat(names(alice)).containsOnlyOnce("Shared Folders/sales/Junk");
        assertThat(access.find(alice.id(), "Shared Folders/sales/Junk").orElseThrow().mailbox().name())
                .isEqualTo("INBOX/Junk");
        assertThat(access.find(alice.id(), stray)).isEmpty();
    }

    @Test
    void anOwnMailboxCannotBeNamedInsideAnotherNamespace() {
        for (String name : List.of("Other Users", "Other Users/bob/Projects", "Shared Folders/info")) {
            assertThatThrownBy(() -> mailboxes.create(alice.id(), name, null)).as(name)
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID));
        }
        assertThatThrownBy(() -> mailboxes.rename(bob.id(), "Projects", "Shared Folders/Projects"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID));
        assertThat(mailboxes.find(bob.id(), "Projects")).isPresent();
        // a name that only begins alike is personal
        assertThat(mailboxes.create(alice.id(), "Other Users of the club", null).name()).isEqualTo("Other Users of the club");
    }

    @Test
    void createAndRenameDoNotRevealAMailboxTheGranteeCannotSee() {
        access.setAcl(bob.id(), "Projects", alice.address(), Rights.parse("lrkx"));
        mailboxes.create(bob.id(), "Projects/Secret", null);
        access.deleteAcl(bob.id(), "Projects/Secret", alice.address()); // inherited, then taken away
        mailboxes.create(bob.id(), "Projects/Draft", null);

        assertReason(() -> access.create(alice.id(), "Other Users/bob/Projects/Secret", null),
                StoreException.Reason.NO_PERMISSION);
        assertReason(() -> access.rename(alice.id(), "Other Users/bob/Projects/Draft", "Other Users/bob/Projects/Secret"),
                StoreException.Reason.NO_PERMISSION);
        // under a mailbox she cannot see, as under one that does not exist
        assertReason(() -> access.create(alice.id(), "Other Users/bob/Projects/Secret/x", null),
                StoreException.Reason.NOT_ALLOWED);
        assertReason(() -> access.create(alice.id(), "Other Users/bob/Nothing/x", null),
                StoreException.Reason.NOT_ALLOWED);
        assertThat(mailboxes.find(bob.id(), "Projects/Secret/x")).isEmpty();
        // one she sees is said to exist
        assertReason(() -> access.create(alice.id(), "Other Users/bob/Projects/Draft", null),
                StoreException.Reason.ALREADY_EXISTS);
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            StoreException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void concurrentGrantsStayWithinTheEntryLimit() throws Exception {
        long projects = mailboxes.get(bob.id(), "Projects").id();
        for (int i = 0; i < MailboxAcl.MAX_ENTRIES - 1; i++) {
            acl.set(projects, "filler" + i + "@" + domain, Rights.parse("l"));
        }
        int writers = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String id = "late" + i + "@" + domain;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        acl.set(projects, id, Rights.parse("l"));
                    } catch (StoreException e) {
                        assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_ALLOWED);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) {
                f.get();
            }
        }
        assertThat(acl.entries(projects).size()).isEqualTo(MailboxAcl.MAX_ENTRIES);
    }

    @Test
    void aLocalPartWithTheHierarchyDelimiterIsRefused() {
        assertReason(() -> accounts.create("bob/x@" + domain, "secret password", "X", 0), StoreException.Reason.INVALID);
        assertReason(() -> accounts.createShared("info/x@" + domain, "X", 0), StoreException.Reason.INVALID);
        assertThat(accounts.find("bob/x@" + domain)).isEmpty();
        assertThat(names(alice)).noneMatch(n -> n.startsWith("Other Users/bob/x"));
    }

    /** Grants as the owner of a shared mailbox would, were it a user: by the ACL of its INBOX. */
    private record AclGrant(MailboxAccess access, long owner) {
        void grant(String identifier, String rights) {
            access.setAcl(owner, "INBOX", identifier, Rights.parse(rights));
        }
    }

    private List<String> names(AccountInfo account) {
        return access.visible(account.id()).stream().map(AccessibleMailbox::name).toList();
    }
}
