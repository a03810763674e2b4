package org.courriel.mta.queue;

/** Where a queued recipient stands. */
public enum RecipientState {
    /** Not tried yet. */
    QUEUED,
    /** Tried, a transient failure; tried again at its next attempt time. */
    DEFERRED,
    /** A remote server answered 250 after the data (or it was stored locally). */
    DELIVERED,
    /** A permanent failure or expiry; bounced to the sender unless the sender is null or asked not to be told. */
    FAILED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED;
    }
}
