package org.courriel.store.acl;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.courriel.store.StoreException;
import org.courriel.store.commit.SyncAfterCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of the access control lists (RFC 4314 §2): which identifier holds which rights on a mailbox. An
 * identifier is an account's address or {@link #ANYONE}, which here means every account of the mailbox owner's
 * domain (not anonymous users, not other domains). The owner holds every right and has no row. Who may change an
 * ACL is the caller's check ({@code MailboxAccess}); this class only keeps the rows, durable before it returns.
 */
@Service
public class MailboxAcl {

    /** RFC 4314 §2: the universal identity, here scoped to the owner's domain. */
    public static final String ANYONE = "anyone";
    /** Most entries one mailbox's ACL holds: each is a row a client chose. */
    public static final int MAX_ENTRIES = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SyncAfterCommit durable;

    MailboxAcl(JdbcClient jdbc, PlatformTransactionManager txManager, SyncAfterCommit durable) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.durable = durable;
    }

    /** The canonical form of an identifier: an address or "anyone", in lower case. */
    public static String canonical(String identifier) {
        String id = identifier.strip().toLowerCase(Locale.ROOT);
        if (id.isEmpty() || id.length() > 320) {
            throw StoreException.invalid("no such identifier: " + identifier);
        }
        return id;
    }

    /** The entries of a mailbox's ACL, by identifier. */
    public SortedMap<String, Rights> entries(long mailboxId) {
        SortedMap<String, Rights> acl = new TreeMap<>();
        jdbc.sql("SELECT identifier, rights FROM mailbox_acl WHERE mailbox_id = ?").param(mailboxId)
                .query((rs, n) -> acl.put(rs.getString(1), Rights.fromStored(rs.getString(2)))).list();
        return Collections.unmodifiableSortedMap(acl);
    }

    /** Replaces the identifier's rights (RFC 4314 §3.1); no rights removes the entry. */
    public void set(long mailboxId, String identifier, Rights rights) {
        String id = canonical(identifier);
        tx.executeWithoutResult(s -> {
            // concurrent SETACLs on one mailbox (any node) take turns, so the count below holds until the insert
            if (jdbc.sql("SELECT id FROM mailbox WHERE id = ? FOR UPDATE").param(mailboxId).query(Long.class).optional()
                    .isEmpty()) {
                throw StoreException.notFound("mailbox " + mailboxId);
            }
            jdbc.sql("DELETE FROM mailbox_acl WHERE mailbox_id = ? AND identifier = ?").params(mailboxId, id).update();
            if (!rights.isEmpty()) {
                long count = jdbc.sql("SELECT COUNT(*) FROM mailbox_acl WHERE mailbox_id = ?").param(mailboxId)
                        .query(Long.class).single();
                if (count >= MAX_ENTRIES) {
                    throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                            "at most " + MAX_ENTRIES + " entries in one access control list");
                }
                jdbc.sql("INSERT INTO mailbox_acl (mailbox_id, identifier, rights) VALUES (?, ?, ?)")
                        .params(mailboxId, id, rights.stored()).update();
            }
            durable.register();
        });
    }

    /** DELETEACL (RFC 4314 §3.2): removes the identifier's entry; whether there was one. */
    public boolean delete(long mailboxId, String identifier) {
        String id = canonical(identifier);
        Integer removed = tx.execute(s -> {
            int n = jdbc.sql("DELETE FROM mailbox_acl WHERE mailbox_id = ? AND identifier = ?").params(mailboxId, id)
                    .update();
            durable.register();
            return n;
        });
        return removed != null && removed > 0;
    }

    /** A new mailbox inherits its parent's ACL (RFC 4314 §4 CREATE), in the caller's transaction. */
    public void inherit(long parentMailboxId, long childMailboxId) {
        jdbc.sql("""
                INSERT INTO mailbox_acl (mailbox_id, identifier, rights)
                SELECT ?, identifier, rights FROM mailbox_acl WHERE mailbox_id = ?""")
                .params(childMailboxId, parentMailboxId).update();
    }

    /** Removes every entry naming the identifier (its account is deleted), in the caller's transaction. */
    public void forget(String identifier) {
        jdbc.sql("DELETE FROM mailbox_acl WHERE identifier = ?").param(canonical(identifier)).update();
    }

    /**
     * The rights an account holds on another account's mailbox: the union of its own entry and of "anyone" when
     * the account is of the owner's domain (RFC 4314 §2 lets the server choose the union).
     */
    public Rights granted(long mailboxId, String address, boolean ownersDomain) {
        Rights rights = Rights.NONE;
        for (Rights r : jdbc.sql("SELECT rights FROM mailbox_acl WHERE mailbox_id = ? AND (identifier = ? OR identifier = ?)")
                .params(mailboxId, canonical(address), ownersDomain ? ANYONE : address)
                .query((rs, n) -> Rights.fromStored(rs.getString(1))).list()) {
            rights = rights.plus(r);
        }
        return rights;
    }
}
