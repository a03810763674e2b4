package org.courriel.store.message;

import java.util.List;

/**
 * The outcome of a COPY or MOVE: the source UIDs in ascending order and the UIDs they got in the
 * destination, pairwise, as COPYUID (RFC 4315 §3) reports them.
 */
public record CopyResult(long destinationUidValidity, List<Long> sourceUids, List<Long> destinationUids) {

    public boolean isEmpty() {
        return sourceUids.isEmpty();
    }
}
