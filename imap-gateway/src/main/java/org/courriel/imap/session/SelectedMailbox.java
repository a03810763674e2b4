package org.courriel.imap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.acl.Right;
import org.courriel.store.acl.Rights;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.UidSet;

/**
 * The mailbox a session has selected: its sequence-number map, the session's \Recent messages (rev1), and
 * the changes other sessions made that the client has not been told about yet. Events arrive on the
 * publisher's thread and are only queued here; the session applies them at the command boundaries
 * RFC 9051 §7.5.1 allows.
 */
public final class SelectedMailbox {

    private final MailboxInfo mailbox;
    private final Rights rights;
    private final boolean readOnly;
    private final MessageSequence sequence;
    private final List<UidSet.Range> recent = new ArrayList<>(2);
    private final Queue<MailboxEvent> pending = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger pendingCount = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean overflowed;
    /** The MODSEQ the client had heard of when events were dropped: flags changed after it are resent. */
    private volatile long resyncFrom;
    /** Expunges held back because the command that ended may not report them (RFC 9051 §7.5.1). */
    private final List<Long> deferredExpunges = new ArrayList<>();
    /** MODSEQs this session's own STOREs produced: their events need no second FETCH. */
    private final long[] ownModseqs = new long[16];
    private int ownModseqNext;
    private MailboxEventBus.Registration registration;
    /** Highest MODSEQ the client has been told about (CONDSTORE). */
    private volatile long highestModseq;
    private final AnnouncedFlags announcedFlags;
    /** RFC 5267 §4.3: the contexts kept up to date; they end when the mailbox is no longer selected. */
    private final SearchContexts contexts = new SearchContexts();

    SelectedMailbox(MailboxInfo mailbox, boolean readOnly, long[] uids) {
        this(mailbox, readOnly, uids, Rights.ALL);
    }

    /**
     * @param rights the user's rights on the mailbox, read at SELECT and kept until it is closed, as RFC 4314
     *               §5.1.1 allows
     */
    SelectedMailbox(MailboxInfo mailbox, boolean readOnly, long[] uids, Rights rights) {
        this.mailbox = mailbox;
        this.rights = rights;
        this.readOnly = readOnly;
        this.sequence = new MessageSequence(uids);
        this.highestModseq = mailbox.highestModseq();
        this.announcedFlags = new AnnouncedFlags(readOnly, rights);
    }

    /** The search and sort contexts kept up to date (RFC 5267 §4.3). */
    public SearchContexts contexts() {
        return contexts;
    }

    /** The flags told to the client in FLAGS and PERMANENTFLAGS (RFC 9051 §7.3.5). */
    public AnnouncedFlags announcedFlags() {
        return announcedFlags;
    }

    /** The user's rights on the mailbox as of SELECT (RFC 4314). */
    public Rights rights() {
        return rights;
    }

    /**
     * Whether the session's user may read the mailbox now, not as of SELECT: always for its own, read again from
     * the ACL for another's or a shared one, whose owner may have revoked "r" since (RFC 5465 §5.9).
     */
    public boolean readableNow(ImapSession session) {
        long account = session.account().id();
        return mailbox.accountId() == account || session.context().access().find(account, mailbox.id())
                .map(m -> m.has(Right.READ)).orElse(false);
    }

    public MailboxInfo mailbox() {
        return mailbox;
    }

    public long id() {
        return mailbox.id();
    }

    public boolean readOnly() {
        return readOnly;
    }

    public MessageSequence sequence() {
        return sequence;
    }

    public long highestModseq() {
        return highestModseq;
    }

    public void seenModseq(long modseq) {
        highestModseq = Math.max(highestModseq, modseq);
    }

    void registration(MailboxEventBus.Registration registration) {
        this.registration = registration;
    }

    void close() {
        if (registration != null) {
            registration.close();
        }
    }

    /**
     * Queues an event; past {@code limit} queued events (a quiet client on a busy mailbox) the queue is dropped
     * and the session will compare its map with the store instead ({@link #overflowed()}).
     */
    void enqueue(MailboxEvent event, int limit) {
        if (overflowed) {
            return;
        }
        if (pendingCount.incrementAndGet() > limit) {
            resyncFrom = highestModseq;
            overflowed = true;
            pending.clear();
            pendingCount.set(0);
            return;
        }
        pending.add(event);
    }

    boolean hasPending() {
        return overflowed || !pending.isEmpty() || !deferredExpunges.isEmpty();
    }

    MailboxEvent poll() {
        MailboxEvent e = pending.poll();
        if (e != null) {
            pendingCount.decrementAndGet();
        }
        return e;
    }

    /** Whether events were dropped: the next update must resynchronise from the store. */
    boolean overflowed() {
        return overflowed;
    }

    /** Clears the overflow mark and returns the MODSEQ to resynchronise flags from. */
    long resynchronised() {
        overflowed = false;
        return resyncFrom;
    }

    List<Long> deferredExpunges() {
        return deferredExpunges;
    }

    /** Marks UIDs (lo, hi] as recent for this session (they were claimed by it). */
    void addRecent(long above, long upTo) {
        if (upTo > above) {
            recent.add(new UidSet.Range(above + 1, upTo));
        }
    }

    public boolean isRecent(long uid) {
        for (UidSet.Range r : recent) {
            if (uid >= r.low() && uid <= r.high()) {
                return true;
            }
        }
        return false;
    }

    public int recentCount() {
        return recent.isEmpty() ? 0 : sequence.knownUids(UidSet.of(recent)).length;
    }

    /** UIDs of the recent messages the session knows (SEARCH RECENT, NEW). */
    public UidSet recentUids() {
        return recent.isEmpty() ? UidSet.of() : UidSet.of(recent);
    }

    public void ownModseq(long modseq) {
        ownModseqs[ownModseqNext++ % ownModseqs.length] = modseq;
    }

    boolean isOwnModseq(long modseq) {
        for (long m : ownModseqs) {
            if (m == modseq) {
                return true;
            }
        }
        return false;
    }
}
