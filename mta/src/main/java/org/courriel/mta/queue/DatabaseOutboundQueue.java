package org.courriel.mta.queue;

import java.time.Clock;
import java.util.List;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.delivery.OutboundQueue;
import org.courriel.mta.maillog.MailLog;
import org.courriel.mta.relay.TlsRequiredField;
import org.courriel.store.commit.StoreTransaction;
import org.courriel.store.content.ContentStore;
import org.courriel.store.content.MessageContent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbound queue in the database: a queue entry and one reference on the content, written in the
 * caller's group-commit transaction, so the message is queued exactly when the local copies are stored.
 */
public class DatabaseOutboundQueue implements OutboundQueue {

    private final QueueRepository repository;
    private final ContentStore contents;
    private final ObjectProvider<QueueWorker> worker;
    private final Clock clock;

    public DatabaseOutboundQueue(QueueRepository repository, ContentStore contents, ObjectProvider<QueueWorker> worker,
            Clock clock) {
        this.repository = repository;
        this.contents = contents;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public void enqueue(StoreTransaction tx, MessageContent content, MailEnvelope envelope,
            List<EnvelopeRecipient> remoteRecipients) {
        enqueue(tx, content, envelope, remoteRecipients, MailLog.newQueueId());
    }

    @Override
    public void enqueue(StoreTransaction tx, MessageContent content, MailEnvelope envelope,
            List<EnvelopeRecipient> remoteRecipients, String queueId) {
        enqueue(tx, content, envelope, remoteRecipients, queueId, true);
    }

    @Override
    public void enqueue(StoreTransaction tx, MessageContent content, MailEnvelope envelope,
            List<EnvelopeRecipient> remoteRecipients, String queueId, boolean senderVerified) {
        if (remoteRecipients.isEmpty()) {
            return;
        }
        long contentId = contents.reference(content, 1); // the queue's own reference, released when finished
        // RFC 8689 §4.1: the message is tagged at receipt with what its TLS-Required field asks (REQUIRETLS wins)
        boolean tlsOptional = !envelope.requireTls() && TlsRequiredField.saysNo(content.header());
        repository.insert(contentId, envelope, remoteRecipients, content.size(), clock.instant(), queueId,
                senderVerified, tlsOptional);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // wake this node's worker once the rows are visible (a rolled-back unit registers nothing)
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.ifAvailable(QueueWorker::wakeUp);
                }
            });
        }
    }
}
