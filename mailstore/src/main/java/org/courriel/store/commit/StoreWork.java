package org.courriel.store.commit;

/**
 * A unit of work that runs inside a group-commit transaction. It may run more than once (when another unit
 * of its batch fails, the batch is rolled back and run again without that unit), so it must do nothing
 * outside the transaction it is given.
 */
@FunctionalInterface
public interface StoreWork<T> {
    T run(StoreTransaction tx);
}
