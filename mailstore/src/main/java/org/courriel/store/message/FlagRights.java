package org.courriel.store.message;

import java.util.Set;

import org.courriel.store.acl.Right;
import org.courriel.store.acl.Rights;

/** Which flags a user's rights let them set or clear (RFC 4314 §4). */
public final class FlagRights {

    private FlagRights() {
    }

    /** Whether the rights let a user set or clear this system flag: "t" for \Deleted, "s" for \Seen, "w" else. */
    public static boolean mayChange(Rights rights, SystemFlag flag) {
        return switch (flag) {
            case SEEN -> rights.has(Right.KEEP_SEEN);
            case DELETED -> rights.has(Right.DELETE_MESSAGES);
            default -> rights.has(Right.WRITE);
        };
    }

    /**
     * The part of {@code flags} the rights let a user set; the rest is dropped, as APPEND and COPY must do
     * without failing (RFC 4314 §4), and STORE does for the flags it may not change.
     */
    public static Flags permitted(Rights rights, Flags flags) {
        if (rights.equals(Rights.ALL)) {
            return flags;
        }
        int system = 0;
        for (SystemFlag f : SystemFlag.values()) {
            if (flags.has(f) && mayChange(rights, f)) {
                system |= f.bit();
            }
        }
        return new Flags(system, rights.has(Right.WRITE) ? flags.keywords() : Set.of());
    }

    /**
     * The flags a message gets from a STORE that would give it {@code next}: the flags the rights cover as in
     * {@code next}, the others as in {@code current}.
     */
    public static Flags restrict(Rights rights, Flags current, Flags next) {
        int system = 0;
        for (SystemFlag f : SystemFlag.values()) {
            boolean set = mayChange(rights, f) ? next.has(f) : current.has(f);
            if (set) {
                system |= f.bit();
            }
        }
        return new Flags(system, rights.has(Right.WRITE) ? next.keywords() : current.keywords());
    }

    /** Whether {@code permitted} kept anything of a non-empty list. */
    static boolean anyPermitted(Rights rights, Flags flags) {
        Flags kept = permitted(rights, flags);
        return kept.system() != 0 || !kept.keywords().isEmpty();
    }
}
