package org.courriel.store.event;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Publishes an event once the current transaction has committed, or at once outside a transaction. */
@Component
public class ChangePublisher {

    private final MailboxEventBus bus;

    public ChangePublisher(MailboxEventBus bus) {
        this.bus = bus;
    }

    public void afterCommit(MailboxEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bus.publish(event);
                }
            });
        } else {
            bus.publish(event);
        }
    }
}
