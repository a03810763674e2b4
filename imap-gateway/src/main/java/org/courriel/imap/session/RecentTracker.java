package org.courriel.imap.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The \Recent flag of IMAP4rev1 (RFC 3501 §2.3.2): a message is recent in the first session that sees it.
 * Per mailbox, this node remembers the highest UID some session has claimed; a session claims what lies
 * above it. Kept in memory: after a restart the first session to select a mailbox sees all its messages
 * as recent, which RFC 3501 tolerates (the flag is advisory, and IMAP4rev2 dropped it).
 */
@Component
public class RecentTracker {

    private final Map<Long, AtomicLong> claimed = new ConcurrentHashMap<>();

    /**
     * Claims every UID up to {@code highestUid} not claimed yet and returns the previous mark: the caller's
     * recent messages are those above it. {@code initial} seeds the mark the first time the mailbox is seen.
     */
    public long claimUpTo(long mailboxId, long highestUid, long initial) {
        AtomicLong mark = claimed.computeIfAbsent(mailboxId, id -> new AtomicLong(initial));
        while (true) {
            long previous = mark.get();
            if (previous >= highestUid || mark.compareAndSet(previous, highestUid)) {
                return previous;
            }
        }
    }

    /** The highest UID claimed so far (0 when no session selected the mailbox since start). */
    public long mark(long mailboxId) {
        AtomicLong mark = claimed.get(mailboxId);
        return mark == null ? 0 : mark.get();
    }

    /** Forgets a deleted mailbox. */
    public void forget(long mailboxId) {
        claimed.remove(mailboxId);
    }
}
