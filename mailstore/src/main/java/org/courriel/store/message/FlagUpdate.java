package org.courriel.store.message;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The outcome of a STORE.
 *
 * @param changed   messages whose flags changed, with their new flags and MODSEQ
 * @param unchanged messages in the set whose flags were already as asked (they keep their MODSEQ)
 * @param modified  UIDs refused by UNCHANGEDSINCE (RFC 7162 §3.1.3), reported in the MODIFIED code
 */
public record FlagUpdate(List<MessageFlags> changed, List<MessageFlags> unchanged, List<Long> modified) {

    /** A message's flags and MODSEQ after the STORE, whether it changed or not; empty when it was not there. */
    public Optional<MessageFlags> of(long uid) {
        return Stream.concat(changed.stream(), unchanged.stream()).filter(m -> m.uid() == uid).findFirst();
    }

    /** A message's flags and MODSEQ after the STORE. */
    public record MessageFlags(long uid, Flags flags, long modseq) {
    }
}
