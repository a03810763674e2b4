package org.courriel.store.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.courriel.store.StoreException;
import org.courriel.store.acl.MailboxAcl;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.commit.SyncAfterCommit;
import org.courriel.store.event.ChangePublisher;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEvent.MailboxChanged.Kind;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.MessageWriter;
import org.courriel.store.message.UidSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mailboxes of an account: create, rename and delete by the rules of RFC 9051 §6.3.4 to §6.3.6, list,
 * STATUS counters; and the account's subscriptions, which are names apart from the mailboxes: CREATE does not
 * subscribe, DELETE and RENAME leave them alone (RFC 9051 §6.3.6: "renaming a mailbox doesn't update
 * subscription information on the original name"; RFC 3501 §6.3.6).
 */
@Service
public class MailboxService {

    private static final Logger log = LoggerFactory.getLogger(MailboxService.class);

    /** The mailboxes every new account gets, with their RFC 6154 attributes. */
    private static final List<Object[]> DEFAULTS = List.of(
            new Object[] {MailboxName.INBOX, null},
            new Object[] {"Sent", SpecialUse.SENT},
            new Object[] {"Drafts", SpecialUse.DRAFTS},
            new Object[] {"Trash", SpecialUse.TRASH},
            new Object[] {"Junk", SpecialUse.JUNK},
            new Object[] {"Archive", SpecialUse.ARCHIVE});

    /** Subscriptions one account may hold: every row is a name a client chose, so they are bounded. */
    public static final int MAX_SUBSCRIPTIONS = 10_000;

    /** INBOX of each account: never renamed nor deleted while its account lives, so it is kept once read. */
    private final java.util.Map<Long, Long> inboxes = new java.util.concurrent.ConcurrentHashMap<>();

    private final MailboxRepository mailboxes;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final GroupCommitter committer;
    private final MessageWriter writer;
    private final MessageService messages;
    private final ChangePublisher changes;
    private final UidValidityClock uidValidity;
    private final SyncAfterCommit durable;
    private final MailboxAcl acl;

    MailboxService(MailboxRepository mailboxes, JdbcClient jdbc, PlatformTransactionManager txManager,
            GroupCommitter committer, MessageWriter writer, MessageService messages, ChangePublisher changes,
            UidValidityClock uidValidity, SyncAfterCommit durable, MailboxAcl acl) {
        this.acl = acl;
        this.mailboxes = mailboxes;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.committer = committer;
        this.writer = writer;
        this.messages = messages;
        this.changes = changes;
        this.uidValidity = uidValidity;
        this.durable = durable;
    }

    /** Creates INBOX and the special-use mailboxes of a new account, subscribed (in the caller's transaction). */
    public void createDefaults(long accountId) {
        for (Object[] d : DEFAULTS) {
            mailboxes.insert(new Mailbox(accountId, (String) d[0], uidValidity.next(), (SpecialUse) d[1]));
            jdbc.sql("INSERT INTO mailbox_subscription (account_id, name) VALUES (?, ?)").params(accountId, d[0])
                    .update();
        }
    }

    /** Creates the INBOX alone, unsubscribed (a domain-shared mailbox's owner, in the caller's transaction). */
    public void createInbox(long accountId) {
        mailboxes.insert(new Mailbox(accountId, MailboxName.INBOX, uidValidity.next(), null));
    }

    /**
     * Whether the account is the owner of a domain-shared mailbox, which nobody logs in to: its mailboxes are
     * reached only under its INBOX ("Shared Folders/info/X" is its "INBOX/X"), so a folder made for it by the
     * server goes there.
     */
    public boolean isSharedOwner(long accountId) {
        return jdbc.sql("SELECT shared FROM account WHERE id = ?").param(accountId).query(Boolean.class).optional()
                .orElse(false);
    }

    public List<MailboxInfo> list(long accountId) {
        return tx.execute(s -> mailboxes.findByAccountIdOrderByName(accountId).stream().map(Mailbox::info).toList());
    }

    /** The mailbox of that name (INBOX in any case), if it exists. */
    public Optional<MailboxInfo> find(long accountId, String name) {
        String normal = MailboxName.normalize(name);
        return tx.execute(s -> mailboxes.findByAccountIdAndName(accountId, normal).map(Mailbox::info));
    }

    /**
     * The id of the account's INBOX, where delivery goes. RENAME of INBOX moves its messages and keeps the
     * mailbox (RFC 9051 §6.3.6) and DELETE refuses it, so the id is fixed for the account's life.
     */
    public long inboxId(long accountId) {
        Long id = inboxes.get(accountId);
        if (id == null) {
            id = get(accountId, MailboxName.INBOX).id();
            if (inboxes.size() > 100_000) {
                inboxes.clear();
            }
            inboxes.put(accountId, id);
        }
        return id;
    }

    /**
     * The account's mailbox for a special use (RFC 6154 §2): the one of the conventional name when it has the
     * attribute, else the oldest (lowest id) with it, else the one of the conventional name. Never the first by
     * name, so that a later mailbox given the attribute cannot take over where Sent, Trash or quarantined mail go.
     */
    public Optional<MailboxInfo> special(long accountId, SpecialUse use, String conventionalName) {
        List<MailboxInfo> all = list(accountId);
        String normal = MailboxName.normalize(conventionalName);
        Optional<MailboxInfo> named = all.stream().filter(m -> m.name().equals(normal)).findFirst();
        if (named.isPresent() && named.get().specialUse() == use) {
            return named;
        }
        return all.stream().filter(m -> m.specialUse() == use)
                .min(java.util.Comparator.comparingLong(MailboxInfo::id)).or(() -> named);
    }

    public MailboxInfo get(long accountId, String name) {
        return find(accountId, name).orElseThrow(() -> StoreException.notFound("mailbox " + name));
    }

    /** The mailbox with that id if it belongs to the account. */
    public Optional<MailboxInfo> find(long accountId, long mailboxId) {
        return tx.execute(s -> mailboxes.findById(mailboxId).filter(m -> m.info().accountId() == accountId)
                .map(Mailbox::info));
    }

    /**
     * Creates the mailbox as {@link #create(long, String, SpecialUse)} does and, when {@code subscribe}, subscribes
     * its name: folders made by an import, a migration, a delivery or a Sieve script must show in clients that
     * list only subscribed folders. A subscription that cannot be added is logged and leaves the mailbox.
     */
    public MailboxInfo create(long accountId, String name, SpecialUse specialUse, boolean subscribe) {
        MailboxInfo created = create(accountId, name, specialUse);
        if (subscribe) {
            try {
                subscribe(accountId, created.name());
            } catch (StoreException e) {
                log.info("Mailbox {} of account {} created but not subscribed: {}", created.name(), accountId,
                        e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Mailbox {} of account {} created but not subscribed: {}", created.name(), accountId,
                        e.toString());
            }
        }
        return created;
    }

    /**
     * CREATE (RFC 9051 §6.3.4): creates the mailbox and any missing superior names. Each new mailbox inherits the
     * access control list of its nearest existing superior (RFC 4314 §4: "SHOULD inherit"), in the same
     * transaction, so that a folder made under a shared one is shared alike, whoever creates it.
     */
    public MailboxInfo create(long accountId, String name, SpecialUse specialUse) {
        String normal = personal(MailboxName.valid(name));
        return tx.execute(s -> {
            if (mailboxes.findByAccountIdAndName(accountId, normal).isPresent()) {
                throw StoreException.exists("mailbox " + normal);
            }
            Long parentId = null;
            for (String parent : MailboxName.parents(normal)) {
                Optional<Mailbox> existing = mailboxes.findByAccountIdAndName(accountId, parent);
                if (existing.isPresent()) {
                    parentId = existing.get().getId();
                    continue;
                }
                Mailbox p = mailboxes.insert(new Mailbox(accountId, parent, uidValidity.next(), null));
                inherit(parentId, p.getId());
                changes.afterCommit(new MailboxEvent.MailboxChanged(accountId, p.getId(), parent, Kind.CREATED));
                parentId = p.getId();
            }
            Mailbox m = mailboxes.insert(new Mailbox(accountId, normal, uidValidity.next(), specialUse));
            inherit(parentId, m.getId());
            changes.afterCommit(new MailboxEvent.MailboxChanged(accountId, m.getId(), normal, Kind.CREATED));
            durable.register();
            return m.info();
        });
    }

    /**
     * Refuses a name inside the namespaces of other users' and shared mailboxes (RFC 2342 §4): one of the
     * account's own there would hide behind, or be hidden by, the mailboxes others share with it, whichever way
     * it is made (REST, Sieve {@code fileinto :create}, an import).
     */
    private static String personal(String normal) {
        if (Namespaces.isForeign(normal)) {
            throw StoreException.invalid("\"" + Namespaces.OTHER_USERS + "\" and \"" + Namespaces.SHARED_FOLDERS
                    + "\" hold other accounts' mailboxes; choose another name than " + normal);
        }
        return normal;
    }

    private void inherit(Long parentId, long childId) {
        if (parentId != null) {
            acl.inherit(parentId, childId);
        }
    }

    /**
     * DELETE (RFC 9051 §6.3.5): removes the mailbox and its messages. INBOX cannot be deleted, nor a mailbox
     * with inferior names (delete those first).
     */
    public void delete(long accountId, String name) {
        String normal = MailboxName.normalize(name);
        if (MailboxName.INBOX.equals(normal)) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "INBOX cannot be deleted");
        }
        MailboxInfo mailbox = get(accountId, normal);
        boolean hasChildren = list(accountId).stream().anyMatch(m -> m.name().startsWith(normal + MailboxName.DELIMITER));
        if (hasChildren) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                    "mailbox " + normal + " has inferior mailboxes; delete them first");
        }
        deleteWithMessages(mailbox);
    }

    private void deleteWithMessages(MailboxInfo mailbox) {
        committer.execute(t -> {
            writer.remove(mailbox.id(), UidSet.ALL, t::afterCommit);
            t.jdbc().sql("DELETE FROM mailbox WHERE id = ?").param(mailbox.id()).update();
            t.afterCommit(new MailboxEvent.MailboxChanged(mailbox.accountId(), mailbox.id(), mailbox.name(), Kind.DELETED));
            return null;
        });
    }

    /** Deletes every mailbox and subscription of an account (the account is being deleted). */
    public void deleteAll(long accountId) {
        inboxes.remove(accountId);
        for (MailboxInfo m : list(accountId)) {
            deleteWithMessages(m);
        }
        jdbc.sql("DELETE FROM mailbox_subscription WHERE account_id = ?").param(accountId).update();
        // RFC 5464 §3.3: /private annotations are the account's; its mailboxes' went with them (foreign key)
        jdbc.sql("DELETE FROM server_metadata WHERE user_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM mailbox_metadata WHERE user_id = ?").param(accountId).update();
    }

    /**
     * RENAME (RFC 9051 §6.3.6): renames the mailbox and its inferiors, creating missing superiors of the new
     * name. Renaming INBOX moves its messages to a new mailbox and leaves INBOX empty.
     */
    public void rename(long accountId, String from, String to) {
        String source = MailboxName.normalize(from);
        String target = personal(MailboxName.valid(to));
        if (target.equals(source)) {
            throw StoreException.exists("mailbox " + target);
        }
        // RFC 9051 §6.3.6: renaming INBOX leaves INBOX (and its inferiors) in place, so INBOX/old is allowed.
        if (!MailboxName.INBOX.equals(source) && target.startsWith(source + MailboxName.DELIMITER)) {
            throw StoreException.invalid("a mailbox cannot be renamed into itself");
        }
        MailboxInfo inbox = MailboxName.INBOX.equals(source) ? get(accountId, source) : null;
        if (inbox != null) {
            MailboxInfo created = create(accountId, target, null);
            // RFC 5464 §4.1: the renamed INBOX takes a copy of INBOX's annotations, which INBOX keeps
            jdbc.sql("INSERT INTO mailbox_metadata (mailbox_id, user_id, name, entry_value)"
                    + " SELECT ?, user_id, name, entry_value FROM mailbox_metadata WHERE mailbox_id = ?")
                    .params(created.id(), inbox.id()).update();
            messages.move(inbox.id(), UidSet.ALL, created.id());
            return;
        }
        tx.executeWithoutResult(s -> {
            Mailbox mailbox = mailboxes.findByAccountIdAndName(accountId, source)
                    .orElseThrow(() -> StoreException.notFound("mailbox " + source));
            if (mailboxes.findByAccountIdAndName(accountId, target).isPresent()) {
                throw StoreException.exists("mailbox " + target);
            }
            List<Mailbox> moving = new ArrayList<>();
            moving.add(mailbox);
            for (Mailbox m : mailboxes.findByAccountIdOrderByName(accountId)) {
                if (m.getName().startsWith(source + MailboxName.DELIMITER)) {
                    moving.add(m);
                }
            }
            for (Mailbox m : moving) {
                String renamed = target + m.getName().substring(source.length());
                if (m != mailbox && mailboxes.findByAccountIdAndName(accountId, renamed).isPresent()) {
                    throw StoreException.exists("mailbox " + renamed);
                }
                mailboxes.rename(m, renamed);
                changes.afterCommit(new MailboxEvent.MailboxChanged(accountId, m.getId(), renamed, Kind.RENAMED));
            }
            durable.register();
            for (String parent : MailboxName.parents(target)) {
                if (mailboxes.findByAccountIdAndName(accountId, parent).isEmpty()) {
                    Mailbox p = mailboxes.insert(new Mailbox(accountId, parent, uidValidity.next(), null));
                    changes.afterCommit(new MailboxEvent.MailboxChanged(accountId, p.getId(), parent, Kind.CREATED));
                }
            }
        });
    }

    /**
     * SUBSCRIBE (RFC 9051 §6.3.7): adds the name to the account's subscriptions, whether a mailbox of that name
     * exists or not (RFC 3501 §6.3.6: a subscription outlives its mailbox). Subscribing twice is no error.
     */
    public void subscribe(long accountId, String name) {
        String normal = MailboxName.valid(name);
        try {
            tx.executeWithoutResult(s -> {
                if (isSubscribed(accountId, normal)) {
                    return;
                }
                long count = jdbc.sql("SELECT COUNT(*) FROM mailbox_subscription WHERE account_id = ?")
                        .param(accountId).query(Long.class).single();
                if (count >= MAX_SUBSCRIPTIONS) {
                    throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                            "at most " + MAX_SUBSCRIPTIONS + " subscriptions per account");
                }
                jdbc.sql("INSERT INTO mailbox_subscription (account_id, name) VALUES (?, ?)")
                        .params(accountId, normal).update();
                subscriptionChanged(accountId, normal);
            });
        } catch (DataIntegrityViolationException e) {
            // a concurrent SUBSCRIBE of the name passed the check too and committed first: the primary key refused ours, and the name is subscribed,
            // which is all SUBSCRIBE asks (RFC 9051 §6.3.7); on PostgreSQL the refusal ended the transaction,
            // so it is caught outside it
            if (!isSubscribed(accountId, normal)) {
                throw e;
            }
        }
    }

    /** UNSUBSCRIBE (RFC 9051 §6.3.8): removes the name; a name that is not subscribed is no error. */
    public void unsubscribe(long accountId, String name) {
        String normal = MailboxName.normalize(name);
        tx.executeWithoutResult(s -> {
            int removed = jdbc.sql("DELETE FROM mailbox_subscription WHERE account_id = ? AND name = ?")
                    .params(accountId, normal).update();
            if (removed > 0) {
                subscriptionChanged(accountId, normal);
            }
        });
    }

    /** SUBSCRIBE or UNSUBSCRIBE, as the REST API asks. */
    public void setSubscribed(long accountId, String name, boolean subscribed) {
        if (subscribed) {
            subscribe(accountId, name);
        } else {
            unsubscribe(accountId, name);
        }
    }

    /** The subscribed names of the account, sorted; some may name no mailbox (any more). */
    public java.util.SortedSet<String> subscriptions(long accountId) {
        return new java.util.TreeSet<>(jdbc.sql("SELECT name FROM mailbox_subscription WHERE account_id = ?")
                .param(accountId).query(String.class).list());
    }

    private boolean isSubscribed(long accountId, String normal) {
        return jdbc.sql("SELECT COUNT(*) FROM mailbox_subscription WHERE account_id = ? AND name = ?")
                .params(accountId, normal).query(Long.class).single() > 0;
    }

    private void subscriptionChanged(long accountId, String normal) {
        long mailboxId = mailboxes.findByAccountIdAndName(accountId, normal).map(Mailbox::getId).orElse(0L);
        durable.register();
        changes.afterCommit(new MailboxEvent.MailboxChanged(accountId, mailboxId, normal, Kind.SUBSCRIPTION));
    }

    /**
     * The STATUS counters (RFC 9051 §6.3.11, RFC 8438 SIZE), read from the mailbox row alone: the message writes
     * keep them there in their own transactions (migration V97), so this costs the same for any mailbox size.
     */
    public MailboxStatus status(long mailboxId) {
        return jdbc.sql("""
                SELECT message_count, unseen_count, deleted_count, total_size, uid_next, uid_validity, highest_modseq
                FROM mailbox WHERE id = ?""")
                .param(mailboxId)
                .query((rs, n) -> new MailboxStatus(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .optional().orElseThrow(() -> StoreException.notFound("mailbox " + mailboxId));
    }

    /** A fresh mailbox row's head (UIDNEXT, HIGHESTMODSEQ), read without the entity cache. */
    public MailboxInfo refresh(MailboxInfo mailbox) {
        return find(mailbox.accountId(), mailbox.id()).orElseThrow(() -> StoreException.notFound("mailbox " + mailbox.name()));
    }
}
