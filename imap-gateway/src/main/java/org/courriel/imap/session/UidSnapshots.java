package org.courriel.imap.session;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.MessageService;
import org.springframework.stereotype.Component;

/**
 * The UIDs of a mailbox as of one state (UIDNEXT, HIGHESTMODSEQ), shared read-only by the sessions that select
 * it in that state, so ten thousand sessions on one large INBOX hold one array, not ten thousand. Entries are
 * weakly held: the array lives as long as some session uses it.
 */
@Component
public class UidSnapshots {

    private record Snapshot(long uidNext, long highestModseq, long[] uids) {
    }

    private final Map<Long, WeakReference<Snapshot>> snapshots = new ConcurrentHashMap<>();
    private final MessageService messages;

    public UidSnapshots(MessageService messages) {
        this.messages = messages;
    }

    /**
     * The UIDs of the mailbox, at least as recent as {@code fresh} (read after the session subscribed to the
     * mailbox's events, so any later change reaches it as an event). Never write to the array.
     */
    public long[] uids(MailboxInfo fresh) {
        WeakReference<Snapshot> ref = snapshots.get(fresh.id());
        Snapshot s = ref == null ? null : ref.get();
        if (s != null && s.uidNext() == fresh.uidNext() && s.highestModseq() == fresh.highestModseq()) {
            return s.uids();
        }
        // Tagged with the state read before the UIDs: a change in between makes the tag older than the
        // content, so the next session reloads rather than trusting it.
        long[] uids = messages.uids(fresh.id());
        snapshots.put(fresh.id(), new WeakReference<>(new Snapshot(fresh.uidNext(), fresh.highestModseq(), uids)));
        if (snapshots.size() > 10_000) {
            snapshots.values().removeIf(r -> r.get() == null);
        }
        return uids;
    }
}
