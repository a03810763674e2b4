package org.courriel.store.message;

/**
 * A STORE: replace, add or remove flags (RFC 9051 §6.4.6). An ADD may also remove other flags in the same
 * change ({@link #addAndRemove}), so that the message gets one new MODSEQ and UNCHANGEDSINCE (RFC 7162
 * §3.1.3) guards both halves at once.
 *
 * @param removed flags an ADD removes as well (after adding: a flag in both ends up removed); none otherwise
 */
public record FlagChange(Mode mode, Flags flags, Flags removed) {

    /** FLAGS, +FLAGS or -FLAGS. */
    public enum Mode { REPLACE, ADD, REMOVE }

    public FlagChange {
        if (removed == null) {
            removed = Flags.NONE;
        }
        if (mode != Mode.ADD && !removed.equals(Flags.NONE)) {
            throw new IllegalArgumentException("only an ADD removes other flags as well");
        }
    }

    public FlagChange(Mode mode, Flags flags) {
        this(mode, flags, Flags.NONE);
    }

    /** Adds some flags and removes others in one change. */
    public static FlagChange addAndRemove(Flags add, Flags remove) {
        return new FlagChange(Mode.ADD, add, remove);
    }

    public Flags apply(Flags current) {
        return switch (mode) {
            case REPLACE -> flags;
            case ADD -> current.with(flags).without(removed);
            case REMOVE -> current.without(flags);
        };
    }
}
