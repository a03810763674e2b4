package org.courriel.store.event;

/**
 * Carries {@link MailboxEvent}s to the sessions that watch a mailbox or an account.
 * Listeners are called on the publishing thread and must not block: an IMAP session queues the event
 * and wakes its own thread.
 */
public interface MailboxEventBus {

    /** Delivers an event that has committed. */
    void publish(MailboxEvent event);

    /** Watches one mailbox. */
    Registration subscribeMailbox(long mailboxId, MailboxListener listener);

    /** Watches every mailbox of an account (mailbox list changes, STATUS for NOTIFY-like uses). */
    Registration subscribeAccount(long accountId, MailboxListener listener);

    /** Ends a subscription. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Receives events; must return quickly. */
    @FunctionalInterface
    interface MailboxListener {
        void onEvent(MailboxEvent event);
    }
}
