package org.courriel.mta.srs;

/** What a recipient address says when read as an SRS address of ours ({@link SrsCodec#reverse}). */
public sealed interface SrsDecoding {

    /** Not an SRS address (no SRS0/SRS1 local part): an ordinary recipient. */
    record NotSrs() implements SrsDecoding {
    }

    /** A valid address of ours: the bounce goes to {@code address}. */
    record Original(String address) implements SrsDecoding {
    }

    /** An SRS local part that we did not sign, or signed too long ago: refused, never forwarded. */
    record Invalid(String reason) implements SrsDecoding {
    }
}
