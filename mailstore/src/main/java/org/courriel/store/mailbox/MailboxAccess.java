package org.courriel.store.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.courriel.store.acl.MailboxAcl;
import org.courriel.store.acl.Right;
import org.courriel.store.acl.Rights;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one place where an account's rights on mailboxes are decided (RFC 4314), for IMAP and the REST API alike:
 * names are resolved in the account's three namespaces ({@link Namespaces}), and each operation asks here for the
 * right it needs. A mailbox the account may not look up ("l") is answered as if it did not exist
 * ({@code NOT_FOUND}), so that no refusal reveals it (RFC 4314 §6); one it sees but lacks the right for is
 * {@code NO_PERMISSION}. The owner holds every right. Rights are read from the database at each call, so a
 * change made on one node applies on every node at once.
 */
@Service
public class MailboxAccess {

    /** An account as this class needs it. */
    record Owner(long id, String address, long domainId, boolean shared) {

        String localPart() {
            return address.substring(0, address.lastIndexOf('@'));
        }

        String domain() {
            return address.substring(address.lastIndexOf('@') + 1);
        }
    }

    /** A foreign name taken apart: the owner's address and the mailbox's name in the owner's account. */
    private record Target(String ownerAddress, boolean shared, String mailboxName) {
    }

    private final MailboxService mailboxes;
    private final MailboxAcl acl;
    private final JdbcClient jdbc;
    private final int maxVisibleShared;

    MailboxAccess(MailboxService mailboxes, MailboxAcl acl, JdbcClient jdbc, StoreProperties properties) {
        this.mailboxes = mailboxes;
        this.acl = acl;
        this.jdbc = jdbc;
        this.maxVisibleShared = properties.maxVisibleShared();
    }

    // ---- resolving names

    /** Every mailbox the account may look up: its own, then others' it holds "l" on (RFC 4314 §4 LIST). */
    public List<AccessibleMailbox> visible(long accountId) {
        List<AccessibleMailbox> visible = new ArrayList<>();
        for (MailboxInfo m : mailboxes.list(accountId)) {
            visible.add(new AccessibleMailbox(m.name(), m, Rights.ALL));
        }
        Owner viewer = owner(accountId).orElseThrow(() -> StoreException.notFound("account " + accountId));
        // two queries whatever the number of grants: the viewer's own entries, then its domain's "anyone"; each
        // bounded, the direct grants first, so that nobody's "anyone" grants crowd out what was shared with one
        java.util.Map<Long, Granted> granted = new java.util.LinkedHashMap<>();
        for (boolean anyone : new boolean[] {false, true}) {
            grantedTo(viewer, anyone).forEach(g -> granted.merge(g.mailbox().id(), g,
                    (a, b) -> new Granted(a.mailbox(), a.owner(), a.rights().plus(b.rights()))));
        }
        int shown = 0;
        for (Granted g : granted.values()) {
            if (shown >= maxVisibleShared) {
                break;
            }
            if (g.rights().has(Right.LOOKUP)) {
                Optional<String> name = visibleName(viewer, g.owner(), g.mailbox().name());
                if (name.isPresent()) {
                    visible.add(new AccessibleMailbox(name.get(), g.mailbox(), g.rights()));
                    shown++;
                }
            }
        }
        return visible;
    }

    /** A mailbox of another account with its owner and what one entry of its ACL grants the viewer. */
    private record Granted(MailboxInfo mailbox, Owner owner, Rights rights) {
    }

    /**
     * The mailboxes of other accounts that grant the viewer some right by its address, or by "anyone" of its
     * domain, oldest first, with their owners, in one query; at most twice the listing's bound (a mailbox may be
     * in both queries, and some rows lack "l").
     */
    private List<Granted> grantedTo(Owner viewer, boolean anyone) {
        return jdbc.sql("""
                SELECT b.id, b.account_id, b.name, b.uid_validity, b.uid_next, b.highest_modseq, b.special_use,
                       o.address, o.domain_id, o.shared, l.rights
                FROM mailbox_acl l JOIN mailbox b ON b.id = l.mailbox_id JOIN account o ON o.id = b.account_id
                WHERE b.account_id <> ? AND l.identifier = ? AND (? = FALSE OR o.domain_id = ?)
                ORDER BY b.id LIMIT ?""")
                .params(viewer.id(), anyone ? MailboxAcl.ANYONE : MailboxAcl.canonical(viewer.address()), anyone, viewer.domainId(),
                        2L * maxVisibleShared + 2)
                .query((rs, n) -> new Granted(
                        new MailboxInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), rs.getString(7) == null ? null : SpecialUse.valueOf(rs.getString(7))),
                        new Owner(rs.getLong(2), rs.getString(8), rs.getLong(9), rs.getBoolean(10)),
                        Rights.fromStored(rs.getString(11))))
                .list();
    }

    /** The mailbox of that name as the account sees it, with its rights; empty when it holds none on it. */
    public Optional<AccessibleMailbox> find(long accountId, String name) {
        String normal = MailboxName.normalize(name);
        if (!Namespaces.isForeign(normal)) {
            return mailboxes.find(accountId, normal).map(m -> new AccessibleMailbox(m.name(), m, Rights.ALL));
        }
        Optional<Owner> viewer = owner(accountId);
        Optional<Target> target = viewer.flatMap(v -> target(v, normal));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<Owner> owner = ownerByAddress(target.get().ownerAddress())
                .filter(o -> o.shared() == target.get().shared() && o.id() != accountId);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        return mailboxes.find(owner.get().id(), target.get().mailboxName())
                .map(m -> new AccessibleMailbox(normal, m, rights(viewer.get(), owner.get(), m.id())))
                .filter(a -> !a.rights().isEmpty());
    }

    /** The mailbox with that id if the account holds some right on it, named as the account sees it. */
    public Optional<AccessibleMailbox> find(long accountId, long mailboxId) {
        Optional<MailboxInfo> own = mailboxes.find(accountId, mailboxId);
        if (own.isPresent()) {
            return own.map(m -> new AccessibleMailbox(m.name(), m, Rights.ALL));
        }
        Optional<Long> ownerId = jdbc.sql("SELECT account_id FROM mailbox WHERE id = ?").param(mailboxId)
                .query(Long.class).optional();
        Optional<Owner> viewer = owner(accountId);
        Optional<Owner> owner = ownerId.flatMap(this::owner);
        if (viewer.isEmpty() || owner.isEmpty()) {
            return Optional.empty();
        }
        return mailboxes.find(owner.get().id(), mailboxId)
                .flatMap(m -> visibleName(viewer.get(), owner.get(), m.name())
                        .map(n -> new AccessibleMailbox(n, m, rights(viewer.get(), owner.get(), m.id()))))
                .filter(a -> !a.rights().isEmpty());
    }

    /**
     * The mailbox, when the account holds {@code right} on it; otherwise NOT_FOUND if it may not look it up
     * (nor the right asked for), NO_PERMISSION if it may (RFC 4314 §6).
     */
    public AccessibleMailbox require(long accountId, String name, Right right) {
        return check(find(accountId, name), name, right);
    }

    /** As {@link #require(long, String, Right)}, by id. */
    public AccessibleMailbox require(long accountId, long mailboxId, Right right) {
        return check(find(accountId, mailboxId), "mailbox " + mailboxId, right);
    }

    /** Refuses {@code mailbox} unless it holds {@code right}, as {@link #require(long, String, Right)} does. */
    public static AccessibleMailbox check(Optional<AccessibleMailbox> mailbox, String name, Right right) {
        if (mailbox.isEmpty() || !mailbox.get().has(right) && !mailbox.get().has(Right.LOOKUP)) {
            throw StoreException.notFound("mailbox " + name);
        }
        if (!mailbox.get().has(right)) {
            throw StoreException.noPermission("no \"" + right.letter() + "\" right on mailbox " + name);
        }
        return mailbox.get();
    }

    // ---- access control lists (RFC 4314 §3)

    /** MYRIGHTS (RFC 4314 §3.5): any of l, r, i, k, x, a is needed to ask (§4). */
    public Rights myRights(long accountId, String name) {
        Optional<AccessibleMailbox> m = find(accountId, name);
        if (m.isEmpty() || !m.get().rights().hasAny(Right.LOOKUP, Right.READ, Right.INSERT, Right.CREATE_MAILBOX,
                Right.DELETE_MAILBOX, Right.ADMINISTER)) {
            throw StoreException.notFound("mailbox " + name);
        }
        return m.get().rights();
    }

    /** GETACL (RFC 4314 §3.3): the owner's implicit entry and the rows; needs "a". */
    public SortedMap<String, Rights> acl(long accountId, String name) {
        AccessibleMailbox m = require(accountId, name, Right.ADMINISTER);
        SortedMap<String, Rights> entries = new TreeMap<>(acl.entries(m.id()));
        owner(m.mailbox().accountId()).ifPresent(o -> {
            if (!o.shared()) {
                entries.put(o.address(), Rights.ALL);
            }
        });
        return entries;
    }

    /** The rights an identifier holds on the mailbox as an entry (not counting "anyone"), for SETACL's +/-. */
    public Rights entry(long accountId, String name, String identifier) {
        AccessibleMailbox m = require(accountId, name, Right.ADMINISTER);
        return acl.entries(m.id()).getOrDefault(MailboxAcl.canonical(identifier), Rights.NONE);
    }

    /**
     * SETACL (RFC 4314 §3.1): the identifier's entry becomes {@code rights}; needs "a". The identifier is "anyone"
     * or the address of an account of the installation; the owner's rights are fixed, and negative rights
     * ("-fred") are not kept (RFC 4314 §2 makes them optional).
     */
    public void setAcl(long accountId, String name, String identifier, Rights rights) {
        AccessibleMailbox m = require(accountId, name, Right.ADMINISTER);
        String id = checkedIdentifier(m, identifier);
        acl.set(m.id(), id, rights);
    }

    /** DELETEACL (RFC 4314 §3.2); needs "a". */
    public void deleteAcl(long accountId, String name, String identifier) {
        AccessibleMailbox m = require(accountId, name, Right.ADMINISTER);
        acl.delete(m.id(), checkedIdentifier(m, identifier));
    }

    /**
     * LISTRIGHTS (RFC 4314 §3.4); needs "a". The owner always holds every right; anyone else may be granted each
     * right alone, none being tied.
     */
    public List<Rights> listRights(long accountId, String name, String identifier) {
        AccessibleMailbox m = require(accountId, name, Right.ADMINISTER);
        String id = MailboxAcl.canonical(identifier);
        if (owner(m.mailbox().accountId()).map(o -> o.address().equals(id)).orElse(false)) {
            return List.of(Rights.ALL);
        }
        List<Rights> list = new ArrayList<>();
        list.add(Rights.NONE);
        for (Right r : Right.values()) {
            list.add(Rights.of(r));
        }
        return list;
    }

    private String checkedIdentifier(AccessibleMailbox m, String identifier) {
        String id = MailboxAcl.canonical(identifier);
        if (id.startsWith("-")) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "negative rights are not supported");
        }
        if (owner(m.mailbox().accountId()).map(o -> o.address().equals(id)).orElse(false)) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "the owner always holds every right");
        }
        if (!MailboxAcl.ANYONE.equals(id) && ownerByAddress(id).filter(o -> !o.shared()).isEmpty()) {
            throw StoreException.invalid("no such identifier: " + identifier);
        }
        return id;
    }

    // ---- mailbox management across namespaces (RFC 4314 §4)

    /**
     * CREATE: in another's namespace, "k" on the nearest existing parent; the new mailboxes inherit its ACL (as in
     * the personal namespace).
     */
    public MailboxInfo create(long accountId, String name, SpecialUse specialUse) {
        String normal = MailboxName.valid(name);
        if (!Namespaces.isForeign(normal)) {
            return mailboxes.create(accountId, normal, specialUse);
        }
        if (specialUse != null) {
            // RFC 6154 §3 (IMAP answers USEATTR before this): the owner's Sent, Trash and Junk are found by their
            // attribute, so a grantee must not give one to a mailbox of the owner's
            throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                    "special uses are given in one's own mailboxes only: " + normal);
        }
        if (find(accountId, normal).filter(m -> m.has(Right.LOOKUP)).isPresent()) {
            throw StoreException.exists("mailbox " + normal);
        }
        AccessibleMailbox parent = nearestParent(accountId, normal).orElseThrow(
                () -> new StoreException(StoreException.Reason.NOT_ALLOWED, "mailboxes cannot be created here: " + normal));
        check(Optional.of(parent), parent.name(), Right.CREATE_MAILBOX);
        refuseExisting(accountId, normal);
        // the missing levels and the mailbox in one transaction of the owner's, each inheriting the ACL of the
        // level above it (MailboxService.create)
        return mailboxes.create(parent.mailbox().accountId(),
                parent.mailbox().name() + normal.substring(parent.name().length()), null);
    }

    /** DELETE: "x" on the mailbox (RFC 4314 §4); its ACL goes with it. */
    public void delete(long accountId, String name) {
        AccessibleMailbox m = require(accountId, name, Right.DELETE_MAILBOX);
        mailboxes.delete(m.mailbox().accountId(), m.mailbox().name());
    }

    /**
     * RENAME: "x" on the mailbox and "k" on the new parent (RFC 4314 §4), within one owner's mailboxes; the ACLs
     * stay with the renamed mailboxes.
     */
    public void rename(long accountId, String from, String to) {
        String source = MailboxName.normalize(from);
        String target = MailboxName.valid(to);
        if (!Namespaces.isForeign(source) && !Namespaces.isForeign(target)) {
            mailboxes.rename(accountId, source, target);
            return;
        }
        AccessibleMailbox m = require(accountId, source, Right.DELETE_MAILBOX);
        AccessibleMailbox parent = Namespaces.isForeign(target) ? nearestParent(accountId, target).orElse(null) : null;
        if (parent == null || parent.mailbox().accountId() != m.mailbox().accountId() || m.mailbox().isInbox()) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                    "a mailbox is renamed within its owner's mailboxes only");
        }
        check(Optional.of(parent), parent.name(), Right.CREATE_MAILBOX);
        refuseExisting(accountId, target);
        mailboxes.rename(m.mailbox().accountId(), m.mailbox().name(),
                parent.mailbox().name() + target.substring(parent.name().length()));
    }

    /**
     * The nearest existing superior of a foreign name, if the account may use it (it holds "l" or "k" on it). One
     * it may not see ends the search as if nothing existed above the name, so that the answer is the same as for a
     * name under no mailbox at all (RFC 4314 §6).
     */
    private Optional<AccessibleMailbox> nearestParent(long accountId, String normal) {
        List<String> levels = MailboxName.parents(normal);
        for (int i = levels.size() - 1; i >= 0; i--) {
            Optional<AccessibleMailbox> p = find(accountId, levels.get(i));
            if (p.isPresent() && p.get().rights().hasAny(Right.LOOKUP, Right.CREATE_MAILBOX)) {
                return p;
            }
            if (p.isPresent() || existsForeign(accountId, levels.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a foreign name taken by a mailbox: ALREADY_EXISTS when the account may see it ("l"), otherwise
     * NO_PERMISSION, the answer for a create it may not make, never revealing the mailbox (RFC 4314 §6).
     */
    private void refuseExisting(long accountId, String normal) {
        Optional<AccessibleMailbox> m = find(accountId, normal);
        if (m.isPresent() && m.get().has(Right.LOOKUP)) {
            throw StoreException.exists("mailbox " + normal);
        }
        if (m.isPresent() || existsForeign(accountId, normal)) {
            throw StoreException.noPermission("no right to create mailbox " + normal);
        }
    }

    /** Whether a foreign name names a mailbox, whatever the account's rights on it. */
    private boolean existsForeign(long accountId, String normal) {
        return owner(accountId).flatMap(v -> target(v, normal))
                .flatMap(t -> ownerByAddress(t.ownerAddress()).filter(o -> o.shared() == t.shared() && o.id() != accountId)
                        .flatMap(o -> mailboxes.find(o.id(), t.mailboxName())))
                .isPresent();
    }

    // ---- names

    private Rights rights(Owner viewer, Owner owner, long mailboxId) {
        if (viewer.id() == owner.id()) {
            return Rights.ALL;
        }
        return acl.granted(mailboxId, viewer.address(), viewer.domainId() == owner.domainId());
    }

    /**
     * The name under which the viewer sees another account's mailbox ({@link Namespaces}); empty for a mailbox of
     * a domain-shared owner outside its INBOX, which no name reaches ({@link #target} maps "Shared Folders/info/X"
     * to "INBOX/X" only), so that what is listed can be opened.
     */
    static Optional<String> visibleName(Owner viewer, Owner owner, String mailboxName) {
        String user = owner.domainId() == viewer.domainId() ? owner.localPart() : owner.address();
        if (!owner.shared()) {
            return Optional.of(Namespaces.OTHER_USERS + MailboxName.DELIMITER + user + MailboxName.DELIMITER
                    + mailboxName);
        }
        String root = Namespaces.SHARED_FOLDERS + MailboxName.DELIMITER + user;
        if (mailboxName.equals(MailboxName.INBOX)) {
            return Optional.of(root);
        }
        return mailboxName.startsWith(MailboxName.INBOX + MailboxName.DELIMITER)
                ? Optional.of(root + mailboxName.substring(MailboxName.INBOX.length())) : Optional.empty();
    }

    /** The owner and name behind a foreign name, empty for a namespace root or a user's level alone. */
    private static Optional<Target> target(Owner viewer, String name) {
        boolean shared = Namespaces.within(name, Namespaces.SHARED_FOLDERS);
        String root = shared ? Namespaces.SHARED_FOLDERS : Namespaces.OTHER_USERS;
        if (name.length() <= root.length() + 1) {
            return Optional.empty();
        }
        String rest = name.substring(root.length() + 1);
        int slash = rest.indexOf(MailboxName.DELIMITER);
        String user = slash < 0 ? rest : rest.substring(0, slash);
        String sub = slash < 0 ? null : rest.substring(slash + 1);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String address = (user.indexOf('@') >= 0 ? user : user + "@" + viewer.domain()).toLowerCase(java.util.Locale.ROOT);
        if (shared) {
            return Optional.of(new Target(address, true,
                    sub == null ? MailboxName.INBOX : MailboxName.INBOX + MailboxName.DELIMITER + sub));
        }
        return sub == null || sub.isEmpty() ? Optional.empty()
                : Optional.of(new Target(address, false, MailboxName.normalize(sub)));
    }

    private Optional<Owner> owner(long accountId) {
        return jdbc.sql("SELECT id, address, domain_id, shared FROM account WHERE id = ?").param(accountId)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)))
                .optional();
    }

    private Optional<Owner> ownerByAddress(String address) {
        return jdbc.sql("SELECT id, address, domain_id, shared FROM account WHERE address = ?").param(address)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)))
                .optional();
    }
}
