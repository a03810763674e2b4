package org.courriel.store.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.store.StoreException;
import org.courriel.store.commit.SyncAfterCommit;
import org.courriel.store.event.ChangePublisher;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Server and mailbox annotations (RFC 5464): read by entry name and depth, changed all at once within the
 * account's bounds. A mailbox is named as the client names it; the empty name means the server (RFC 5464 §4.1).
 */
@Service
public class MetadataService {

    /** How far below an entry GETMETADATA reaches (RFC 5464 §4.2.2). */
    public enum Depth { ZERO, ONE, INFINITY }

    /** The user of /shared entries: they belong to no account. */
    static final long SHARED = 0;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MailboxService mailboxes;
    private final ChangePublisher changes;
    private final SyncAfterCommit durable;

    MetadataService(JdbcClient jdbc, PlatformTransactionManager txManager, MailboxService mailboxes,
            ChangePublisher changes, SyncAfterCommit durable) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.mailboxes = mailboxes;
        this.changes = changes;
        this.durable = durable;
    }

    /**
     * The entries the account may see at or below each of {@code names} (lower-cased), sorted by name, each once;
     * on the server when {@code mailbox} is empty. A mailbox the account cannot see is NOT_FOUND (RFC 5464 §3.3).
     */
    public List<MetadataEntry> get(long accountId, String mailbox, List<String> names, Depth depth) {
        Long mailboxId = mailbox.isEmpty() ? null : mailboxes.get(accountId, mailbox).id();
        Set<String> seen = new LinkedHashSet<>();
        List<MetadataEntry> found = new ArrayList<>();
        for (String raw : names) {
            String name = raw.toLowerCase(Locale.ROOT);
            long user = name.startsWith("/private") ? accountId : SHARED;
            for (MetadataEntry e : read(mailboxId, user, name, depth)) {
                if (seen.add(e.name())) {
                    found.add(e);
                }
            }
        }
        found.sort(java.util.Comparator.comparing(MetadataEntry::name));
        return found;
    }

    private List<MetadataEntry> read(Long mailboxId, long user, String name, Depth depth) {
        String table = mailboxId == null ? "server_metadata" : "mailbox_metadata";
        String scope = mailboxId == null ? "" : " AND mailbox_id = " + mailboxId;
        String sql = "SELECT name, entry_value FROM " + table + " WHERE user_id = ?" + scope
                + (depth == Depth.ZERO ? " AND name = ?" : " AND (name = ? OR name LIKE ? ESCAPE '!')");
        var statement = jdbc.sql(sql).param(user).param(name);
        if (depth != Depth.ZERO) {
            statement = statement.param(likeEscaped(name) + "/%");
        }
        return statement.query((rs, n) -> new MetadataEntry(rs.getString(1), rs.getBytes(2))).list().stream()
                // RFC 5464 §4.2.2: DEPTH 1 is the entry and its children, not its grandchildren
                .filter(e -> depth != Depth.ONE || e.name().equals(name)
                        || e.name().indexOf('/', name.length() + 1) < 0)
                .toList();
    }

    private static String likeEscaped(String name) {
        return name.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * SETMETADATA (RFC 5464 §4.3): sets every entry (a null value removes it) or, when one cannot be set, none.
     * Refused with {@link MetadataRefusal} past a bound, NOT_ALLOWED where the account may not write, NOT_FOUND
     * for a mailbox it cannot see.
     */
    public void set(long accountId, String mailbox, List<MetadataEntry> entries, MetadataLimits limits) {
        for (MetadataEntry e : entries) {
            if (e.value() != null && e.value().length > limits.maxEntrySize()) {
                throw new MetadataRefusal(MetadataRefusal.Bound.ENTRY_SIZE, limits.maxEntrySize(),
                        "the value of " + e.name() + " is larger than " + limits.maxEntrySize() + " bytes");
            }
        }
        tx.executeWithoutResult(s -> {
            MailboxInfo target = mailbox.isEmpty() ? null : mailboxes.get(accountId, mailbox);
            for (MetadataEntry e : entries) {
                if (!mayWrite(accountId, target, e)) {
                    throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                            "entry " + e.name() + " cannot be changed here");
                }
            }
            // the bounds are the account's: its row lock orders concurrent SETMETADATA, on every node
            jdbc.sql("SELECT id FROM account WHERE id = ? FOR UPDATE").param(accountId).query(Long.class).single();
            for (MetadataEntry e : entries) {
                write(accountId, target, e);
            }
            checkBounds(accountId, limits);
            durable.register();
            long mailboxId = target == null ? 0 : target.id();
            changes.afterCommit(new MailboxEvent.MetadataChanged(accountId, mailboxId,
                    target == null ? "" : target.name(), entries.stream().map(MetadataEntry::name).distinct().toList()));
        });
    }

    /**
     * Who may change an entry (RFC 5464 §3.3), decided here only. A mailbox's /private and /shared entries are
     * its owner's to write (there are no rights granted to others yet); on the server an account writes its own
     * /private entries, and the /shared ones are the administrator's (RFC 5464 §3.3 lets the server restrict
     * them; /shared/admin is always read-only, §3.2.1.1).
     */
    private static boolean mayWrite(long accountId, MailboxInfo mailbox, MetadataEntry entry) {
        if (mailbox == null) {
            return entry.isPrivate();
        }
        return mailbox.accountId() == accountId;
    }

    private void write(long accountId, MailboxInfo mailbox, MetadataEntry e) {
        long user = e.isPrivate() ? accountId : SHARED;
        if (mailbox == null) {
            jdbc.sql("DELETE FROM server_metadata WHERE user_id = ? AND name = ?").params(user, e.name()).update();
            if (e.value() != null) {
                jdbc.sql("INSERT INTO server_metadata (user_id, name, entry_value) VALUES (?, ?, ?)")
                        .params(user, e.name(), e.value()).update();
            }
        } else {
            jdbc.sql("DELETE FROM mailbox_metadata WHERE mailbox_id = ? AND user_id = ? AND name = ?")
                    .params(mailbox.id(), user, e.name()).update();
            if (e.value() != null) {
                jdbc.sql("INSERT INTO mailbox_metadata (mailbox_id, user_id, name, entry_value) VALUES (?, ?, ?, ?)")
                        .params(mailbox.id(), user, e.name(), e.value()).update();
            }
        }
    }

    /** The account's entries after the change: its /private ones and the /shared ones of its mailboxes. */
    private void checkBounds(long accountId, MetadataLimits limits) {
        long[] usage = jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(entry_value)), 0) FROM (
                    SELECT entry_value FROM server_metadata WHERE user_id = ?
                    UNION ALL
                    SELECT mm.entry_value FROM mailbox_metadata mm JOIN mailbox b ON b.id = mm.mailbox_id
                    WHERE mm.user_id = ? OR (mm.user_id = 0 AND b.account_id = ?)) entries""")
                .params(accountId, accountId, accountId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (usage[0] > limits.maxEntries()) {
            throw new MetadataRefusal(MetadataRefusal.Bound.ENTRY_COUNT, limits.maxEntries(),
                    "at most " + limits.maxEntries() + " annotations per account");
        }
        if (usage[1] > limits.maxTotalSize()) {
            throw new MetadataRefusal(MetadataRefusal.Bound.TOTAL_SIZE, limits.maxTotalSize(),
                    "at most " + limits.maxTotalSize() + " bytes of annotations per account");
        }
    }
}
