package org.courriel.store.metadata;

import org.courriel.store.StoreException;

/** A SETMETADATA the store refused because of a bound (RFC 5464 §4.3); nothing was changed. */
public class MetadataRefusal extends StoreException {

    /** Which bound. */
    public enum Bound {
        /** One value is larger than {@link MetadataLimits#maxEntrySize()}. */
        ENTRY_SIZE,
        /** The account would hold more than {@link MetadataLimits#maxEntries()} entries. */
        ENTRY_COUNT,
        /** The account's values together would exceed {@link MetadataLimits#maxTotalSize()}. */
        TOTAL_SIZE
    }

    private final Bound bound;
    private final long limit;

    public MetadataRefusal(Bound bound, long limit, String message) {
        super(Reason.NOT_ALLOWED, message);
        this.bound = bound;
        this.limit = limit;
    }

    public Bound bound() {
        return bound;
    }

    /** The bound's value: bytes or entries. */
    public long limit() {
        return limit;
    }
}
