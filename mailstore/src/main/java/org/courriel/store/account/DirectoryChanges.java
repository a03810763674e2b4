package org.courriel.store.account;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A generation number of the directory (domains, accounts, aliases) on this node: every change made here
 * advances it, at once and again after commit, so that caches of lookups ({@link RecipientResolver}) never
 * serve an answer older than a local change. Other nodes' changes reach a cache when its entries expire.
 */
@Component
public class DirectoryChanges {

    private final AtomicLong generation = new AtomicLong();

    public long generation() {
        return generation.get();
    }

    /** Records a change made in the current transaction (or now, outside one). */
    public void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
