package org.courriel.store.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node has heard of each watched mailbox, and the events it missed when it heard nothing for a
 * while (its LISTEN connection was lost: PostgreSQL does not keep notifications for a session that is gone).
 * <p>
 * A mailbox's watermark is the highest MODSEQ and UIDNEXT the node's listeners were told of, raised by every
 * event published here while the node listens; a mailbox row's HIGHESTMODSEQ above it means changes went
 * unheard. While the node does not listen ({@link #deaf()} until {@link #readBack}) the watermarks stay where
 * they are: a local change at MODSEQ 12 must not hide another node's unheard change at 11. They are read
 * back from the rows: messages with a higher MODSEQ are new (UID at or above the watermark's UIDNEXT) or
 * had their flags changed, and {@code expunged_message} rows with a higher MODSEQ were expunged (RFC 7162
 * §3.1: an append or a flag change gets a MODSEQ above all before it). Listeners must take an event twice
 * calmly: a change may be read back and then also arrive as a late notification.
 */
final class MissedChanges {

    /** The last MODSEQ and UIDNEXT this node's listeners were told of. */
    record Watermark(long accountId, long modseq, long uidNext) {

        Watermark max(Watermark other) {
            return new Watermark(accountId, Math.max(modseq, other.modseq), Math.max(uidNext, other.uidNext));
        }
    }

    private final Map<Long, Watermark> watermarks = new ConcurrentHashMap<>();
    private volatile boolean deaf;

    /** Starts watching a mailbox from its state in the database now; call after subscribing. */
    void watch(Connection c, long mailboxId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT account_id, highest_modseq, uid_next FROM mailbox WHERE id = ?")) {
            ps.setLong(1, mailboxId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    Watermark now = new Watermark(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    synchronized (this) {
                        watermarks.merge(mailboxId, now, Watermark::max);
                    }
                }
            }
        }
    }

    /**
     * Stops watching a mailbox unless someone still does; atomic with {@link #watch}'s merge, so that a
     * subscriber arriving while the last one leaves keeps its watermark.
     */
    synchronized void forgetUnless(long mailboxId, boolean stillWatched) {
        if (!stillWatched) {
            watermarks.remove(mailboxId);
        }
    }

    /** The LISTEN connection is lost: keep the watermarks where they are until the next {@link #readBack}. */
    void deaf() {
        deaf = true;
    }

    /** Raises the watermark of a watched mailbox to what an event tells. */
    void heard(MailboxEvent event) {
        Watermark seen = switch (event) {
            case MailboxEvent.MessagesAdded e ->
                    new Watermark(e.accountId(), e.highestModseq(), e.uids().stream().mapToLong(u -> u + 1).max().orElse(0));
            case MailboxEvent.FlagsChanged e -> new Watermark(e.accountId(), e.highestModseq(), 0);
            case MailboxEvent.MessagesExpunged e -> new Watermark(e.accountId(), e.highestModseq(), 0);
            case MailboxEvent.MailboxChanged e -> null;
            case MailboxEvent.MetadataChanged e -> null;
        };
        if (seen != null && !deaf) {
            watermarks.computeIfPresent(event.mailboxId(), (id, w) -> w.max(seen));
        }
    }

    /**
     * The changes to watched mailboxes committed above their watermarks, oldest kind first (additions, flag
     * changes, expunges); the watermarks are raised past them.
     */
    List<MailboxEvent> readBack(Connection c) throws SQLException {
        // the watermarks as they were while deaf; events heard from here on raise them, what came before is read
        Map<Long, Watermark> before = Map.copyOf(watermarks);
        deaf = false;
        List<MailboxEvent> missed = new ArrayList<>();
        for (Map.Entry<Long, Watermark> entry : before.entrySet()) {
            long mailboxId = entry.getKey();
            Watermark seen = entry.getValue();
            long highest = highestModseq(c, mailboxId);
            if (highest <= seen.modseq()) {
                continue;
            }
            List<Long> added = new ArrayList<>();
            List<Long> flagged = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT uid FROM message WHERE mailbox_id = ? AND modseq > ? ORDER BY uid")) {
                ps.setLong(1, mailboxId);
                ps.setLong(2, seen.modseq());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long uid = rs.getLong(1);
                        (uid >= seen.uidNext() ? added : flagged).add(uid);
                    }
                }
            }
            List<Long> expunged = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT uid FROM expunged_message WHERE mailbox_id = ? AND modseq > ? ORDER BY uid")) {
                ps.setLong(1, mailboxId);
                ps.setLong(2, seen.modseq());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        expunged.add(rs.getLong(1));
                    }
                }
            }
            long account = seen.accountId();
            if (!added.isEmpty()) {
                missed.add(new MailboxEvent.MessagesAdded(account, mailboxId, added, highest));
            }
            if (!flagged.isEmpty()) {
                missed.add(new MailboxEvent.FlagsChanged(account, mailboxId, flagged, highest));
            }
            if (!expunged.isEmpty()) {
                missed.add(new MailboxEvent.MessagesExpunged(account, mailboxId, expunged, highest));
            }
        }
        missed.forEach(this::heard);
        return missed;
    }

    private static long highestModseq(Connection c, long mailboxId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT highest_modseq FROM mailbox WHERE id = ?")) {
            ps.setLong(1, mailboxId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
            }
        }
    }
}
