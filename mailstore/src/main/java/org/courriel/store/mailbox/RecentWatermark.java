package org.courriel.store.mailbox;

import java.util.concurrent.locks.ReentrantLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The \Recent flag of IMAP4rev1 (RFC 3501 §2.3.2): a message is recent in exactly one session, the first to
 * SELECT its mailbox after it arrived. Each mailbox row keeps the highest UID claimed so far
 * ({@code recent_uid}); a session that selects claims every UID above it under the row lock, so two sessions
 * on two nodes never claim the same message. EXAMINE and STATUS only read it. One row lock and at most one
 * row update per claim.
 *
 * <p>The watermark only rises, so what a node saw of it is a lower bound that stays true: a claim at or below
 * the highest this node saw for a mailbox ({@link #seen}) claims nothing and asks nothing of the database. That
 * is the common case at a delivery, when every session that selected the mailbox claims the same new UIDs and
 * only the first gets them: 18,500 idle sessions of 100 mailboxes waited up to two seconds for their EXISTS, each
 * claim a transaction queued behind the others' row locks. Now one claim per mailbox and node goes to the
 * database, and the sessions waiting for it find its answer here. Nothing a node keeps decides a claim: the
 * database still does, under the row lock.
 */
@Service
public class RecentWatermark {

    /** Most mailboxes whose watermark a node remembers (about 100 bytes each); the others ask the database. */
    static final int SEEN_MAILBOXES = 100_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    /** Per mailbox, the highest watermark this node saw: never above the row's. */
    private final Cache<Long, Long> seen = Caffeine.newBuilder().maximumSize(SEEN_MAILBOXES).build();
    /** One claim at a time per stripe of mailboxes on this node (locks, not monitors: a claim does I/O). */
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    RecentWatermark(JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Claims every UID up to {@code highestUid} that no session has claimed and returns the watermark before:
     * the caller's recent messages are those above it (none when it is {@code >= highestUid}). A mailbox that
     * is gone claims nothing.
     */
    public long claimUpTo(long mailboxId, long highestUid) {
        Long known = seen.getIfPresent(mailboxId);
        if (known != null && known >= highestUid) {
            return known; // claimed already, here or elsewhere: the row holds at least this
        }
        // the sessions a delivery wakes claim at once: one asks the database, the others wait for its answer
        ReentrantLock stripe = stripes[Math.floorMod(Long.hashCode(mailboxId), stripes.length)];
        stripe.lock();
        try {
            known = seen.getIfPresent(mailboxId);
            if (known != null && known >= highestUid) {
                return known;
            }
            long previous = tx.execute(s -> {
                long before = jdbc.sql("SELECT recent_uid FROM mailbox WHERE id = ? FOR UPDATE").param(mailboxId)
                        .query(Long.class).optional().orElse(highestUid);
                if (before < highestUid) {
                    jdbc.sql("UPDATE mailbox SET recent_uid = ? WHERE id = ?").params(highestUid, mailboxId).update();
                }
                return before;
            });
            seen.asMap().merge(mailboxId, Math.max(previous, highestUid), Math::max);
            return previous;
        } finally {
            stripe.unlock();
        }
    }

    /** The highest UID claimed so far, read without claiming (EXAMINE); 0 for a mailbox that is gone. */
    public long mark(long mailboxId) {
        return jdbc.sql("SELECT recent_uid FROM mailbox WHERE id = ?").param(mailboxId).query(Long.class)
                .optional().orElse(0L);
    }

    /** The messages above the watermark, which the next SELECT will claim (STATUS RECENT, RFC 3501 §6.3.10). */
    public long unclaimed(long mailboxId) {
        return jdbc.sql("""
                SELECT COUNT(m.id) FROM mailbox b JOIN message m ON m.mailbox_id = b.id
                WHERE b.id = ? AND m.uid > b.recent_uid""").param(mailboxId).query(Long.class).single();
    }
}
