package org.courriel.store.account;

import java.util.concurrent.atomic.AtomicLong;

import org.courriel.store.commit.SyncAfterCommit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A generation number of the directory (domains, accounts, aliases) on this node: every change made here
 * advances it, at once and again after commit, so that caches of lookups ({@link RecipientResolver}) never
 * serve an answer older than a local change. Other nodes' changes reach a cache when its entries expire.
 * Every change is also made durable before its commit returns ({@link SyncAfterCommit}): an administrator told
 * "done" must find the change after a crash.
 */
@Component
public class DirectoryChanges {

    private final AtomicLong generation = new AtomicLong();
    private final SyncAfterCommit durable;

    DirectoryChanges(SyncAfterCommit durable) {
        this.durable = durable;
    }

    public long generation() {
        return generation.get();
    }

    /** Records a change made in the current transaction (or now, outside one). */
    public void changed() {
        durable.register();
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
