package org.courriel.store.mailbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The \Recent flag of IMAP4rev1 (RFC 3501 §2.3.2): a message is recent in exactly one session, the first to
 * SELECT its mailbox after it arrived. Each mailbox row keeps the highest UID claimed so far
 * ({@code recent_uid}); a session that selects claims every UID above it under the row lock, so two sessions
 * on two nodes never claim the same message. EXAMINE and STATUS only read it. One row lock and at most one
 * row update per claim; nothing is kept in a node's memory.
 */
@Service
public class RecentWatermark {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    RecentWatermark(JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Claims every UID up to {@code highestUid} that no session has claimed and returns the watermark before:
     * the caller's recent messages are those above it (none when it is {@code >= highestUid}). A mailbox that
     * is gone claims nothing.
     */
    public long claimUpTo(long mailboxId, long highestUid) {
        return tx.execute(s -> {
            long previous = jdbc.sql("SELECT recent_uid FROM mailbox WHERE id = ? FOR UPDATE").param(mailboxId)
                    .query(Long.class).optional().orElse(highestUid);
            if (previous < highestUid) {
                jdbc.sql("UPDATE mailbox SET recent_uid = ? WHERE id = ?").params(highestUid, mailboxId).update();
            }
            return previous;
        });
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
