package org.courriel.store.commit;

import java.sql.SQLException;

import org.courriel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a write that does not go through the {@link GroupCommitter} as durable as one that does: the directory
 * (domains, accounts, aliases, passwords) and mailbox creation, renaming and subscription. Registered in the
 * write's transaction, it runs the {@link DurabilitySync} once the transaction has committed and before the
 * call returns, so an acknowledged change (CLI "done", REST 201, IMAP OK) survives kill -9 on H2 as a message
 * does. Such writes are rare, so one sync each costs nothing that matters. Nothing to do on PostgreSQL.
 */
@Component
public class SyncAfterCommit {

    private static final Logger log = LoggerFactory.getLogger(SyncAfterCommit.class);

    private final DurabilitySync durability;

    public SyncAfterCommit(DurabilitySync durability) {
        this.durability = durability;
    }

    /** The current transaction's changes reach the disk before its commit returns (at once outside one). */
    public void register() {
        if (!durability.needed()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            sync();
            return;
        }
        boolean registered = TransactionSynchronizationManager.getSynchronizations().stream()
                .anyMatch(Synchronization.class::isInstance);
        if (!registered) {
            TransactionSynchronizationManager.registerSynchronization(new Synchronization());
        }
    }

    private void sync() {
        try {
            durability.sync();
        } catch (SQLException e) {
            log.warn("A committed change is not known to be on disk: {}", e.toString());
            // The caller must not report success; trying again finds the change there (or makes it again).
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "the change could not be written to disk", e);
        }
    }

    /** Once per transaction; an exception from afterCommit reaches the caller of commit. */
    private final class Synchronization implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            sync();
        }
    }
}
