package org.courriel.store.message;

/** A STORE: replace, add or remove flags (RFC 9051 §6.4.6). */
public record FlagChange(Mode mode, Flags flags) {

    /** FLAGS, +FLAGS or -FLAGS. */
    public enum Mode { REPLACE, ADD, REMOVE }

    public Flags apply(Flags current) {
        return switch (mode) {
            case REPLACE -> flags;
            case ADD -> current.with(flags);
            case REMOVE -> current.without(flags);
        };
    }
}
