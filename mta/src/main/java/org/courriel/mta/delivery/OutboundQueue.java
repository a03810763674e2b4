package org.courriel.mta.delivery;

import java.util.List;

import org.courriel.store.commit.StoreTransaction;
import org.courriel.store.content.MessageContent;

/**
 * The hand-off from acceptance to relay: queues a message for its non-local recipients inside the
 * transaction that also delivers its local copies, so both commit together before the client hears 250.
 * Declared here, where delivery needs it, and implemented by {@code org.courriel.mta.queue}, so the queue
 * depends on delivery and not the other way round.
 */
public interface OutboundQueue {

    /**
     * Queues {@code content} for {@code remoteRecipients}, in the caller's group-commit transaction.
     *
     * @param envelope the whole envelope (sender, DSN parameters); its recipients may include local ones
     */
    void enqueue(StoreTransaction tx, MessageContent content, MailEnvelope envelope, List<EnvelopeRecipient> remoteRecipients);

    /** As the other, keeping {@code queueId} for the queue's lines of the mail log. */
    default void enqueue(StoreTransaction tx, MessageContent content, MailEnvelope envelope,
            List<EnvelopeRecipient> remoteRecipients, String queueId) {
        enqueue(tx, content, envelope, remoteRecipients);
    }

    /**
     * As the other; {@code senderVerified} travels with the entry, so that a later failure sends a notification
     * only to a sender known to be genuine ({@link org.courriel.mta.maillog.MailOrigin#senderVerified()}).
     */
    default void enqueue(StoreTransaction tx, MessageContent content, MailEnvelope envelope,
            List<EnvelopeRecipient> remoteRecipients, String queueId, boolean senderVerified) {
        enqueue(tx, content, envelope, remoteRecipients, queueId);
    }
}
