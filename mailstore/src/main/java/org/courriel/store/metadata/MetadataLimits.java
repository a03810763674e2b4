package org.courriel.store.metadata;

/**
 * The bounds on one account's annotations (RFC 5464 §4.1 lets the server set them, at least 1024 bytes per value
 * and 10 entries): the largest value, the most entries and the most value bytes all its entries together hold.
 */
public record MetadataLimits(long maxEntrySize, int maxEntries, long maxTotalSize) {

    public MetadataLimits {
        if (maxEntrySize < 1024 || maxEntries < 10 || maxTotalSize < maxEntrySize) {
            throw new IllegalArgumentException("metadata limits below RFC 5464 §4.1's minimum (1024 bytes, 10 entries)"
                    + " or a total below one entry");
        }
    }
}
