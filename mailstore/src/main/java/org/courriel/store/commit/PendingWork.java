package org.courriel.store.commit;

import java.util.concurrent.CompletableFuture;

import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/** One caller's work waiting in the group committer's queue, and the future its caller waits on. */
final class PendingWork<T> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    private final StoreWork<T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();
    private T value;
    private int integrityRetries;

    PendingWork(StoreWork<T> work) {
        this.work = work;
    }

    /**
     * Runs the work in the batch's transaction.
     *
     * @return the work's own refusal, or null when it ran
     * @throws Contention when it met another transaction (the batch runs again)
     * @throws RuntimeException the database's unavailability, as it came
     */
    RuntimeException run(StoreTransaction tx) {
        try {
            value = work.run(tx);
            return null;
        } catch (StoreException e) {
            return e;
        } catch (DataIntegrityViolationException e) {
            if (integrityRetries++ < 1) {
                throw new Contention(this, e); // another node stored the same content at the same moment
            }
            return e;
        } catch (ConcurrencyFailureException e) {
            throw new Contention(this, e);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.is(e)) {
                throw e; // not this unit's fault: the batch fails as a whole
            }
            log.error("Store work failed", e);
            return e;
        }
    }

    void complete() {
        result.complete(value);
    }

    void fail(Throwable failure) {
        result.completeExceptionally(failure);
    }

    /** Rolls the batch's transaction back when a unit met another transaction, naming the unit. */
    static final class Contention extends RuntimeException {
        final transient PendingWork<?> unit;

        Contention(PendingWork<?> unit, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.unit = unit;
        }

        RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }
}
