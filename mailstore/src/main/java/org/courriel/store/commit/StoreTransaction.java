package org.courriel.store.commit;

import org.courriel.store.event.MailboxEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a {@link StoreWork} is given inside a group-commit transaction: the SQL of that transaction and the
 * events to publish once it has committed. Everything the work does commits together with the other units of
 * its batch, or not at all. What the work means (an append, a delivery, a queue entry) is its own business.
 */
public interface StoreTransaction {

    /** Plain SQL in this transaction. */
    JdbcClient jdbc();

    /** Publishes an event once the batch has committed and is durable; dropped if this unit is left out. */
    void afterCommit(MailboxEvent event);
}
