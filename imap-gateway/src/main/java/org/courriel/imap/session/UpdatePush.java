package org.courriel.imap.session;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session writes of the changes it heard, and when: at a command's end and in IDLE (RFC 9051 §7.5.1,
 * RFC 2177), and with NOTIFY (RFC 5465) also while it waits for a command. A push runs on a short-lived virtual
 * thread, so that the event publisher never blocks on a client's socket; it writes only while the session waits
 * for a command or is in IDLE, under the update lock the session takes before it runs a command (and around a
 * literal's continuation), so its responses never interleave with a command's.
 */
final class UpdatePush {

    private static final Logger log = LoggerFactory.getLogger(UpdatePush.class);

    private final ChannelImapSession session;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    UpdatePush(ChannelImapSession session) {
        this.session = session;
    }

    /**
     * Under the update lock: the selected mailbox's changes, the FETCH NOTIFY asks for new messages (§5.2), then
     * the events of other mailboxes NOTIFY reports. At a command's end and in IDLE the selected mailbox reports
     * unless NOTIFY turned it off (§3.1); {@code betweenCommands} (a push while the session waits) only with
     * NOTIFY's SELECTED group (§6.1.1).
     */
    static void write(ChannelImapSession session, boolean allowExpunge, boolean betweenCommands) {
        Notifications n = session.notifications();
        SelectedMailbox view = session.selected();
        boolean selected = betweenCommands ? n != null && n.pushesSelected() : n == null || n.reportsSelected();
        if (view != null && selected && betweenCommands && !view.readableNow(session)) {
            // RFC 5465 §5.9: access to the mailbox was lost, monitoring it stops (until "r" is granted again);
            // the next command still reports as RFC 4314 §5.1.1 allows with the rights of SELECT
            selected = false;
        }
        if (view != null && selected) {
            long before = view.sequence().maxUid();
            UpdateFlusher.flush(session, view, allowExpunge, n == null || n.reportsSelectedFlags());
            long after = view.sequence().maxUid();
            if (n != null && after > before) {
                n.newInSelected(before, after);
            }
        }
        if (n != null && n.hasPending()) {
            n.flush();
        }
    }

    /** Whether something waits that a push would write while the session waits for a command. */
    boolean pending() {
        Notifications n = session.notifications();
        SelectedMailbox view = session.selected();
        return n != null && (n.hasPending() || (view != null && n.pushesSelected() && view.hasPending()));
    }

    /** Schedules a push, unless a command runs (its end writes the updates) or one is scheduled already. */
    void wake() {
        if (!session.waitingOrIdle() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("imap-push").start(() -> {
            scheduled.set(false);
            session.updateLock().lock();
            try {
                if (session.waitingOrIdle()) {
                    write(session, true, !session.idling());
                    session.out().flush();
                }
            } catch (RuntimeException e) {
                log.debug("IMAP update not pushed: {}", e.getMessage());
            } finally {
                session.updateLock().unlock();
            }
        });
    }
}
