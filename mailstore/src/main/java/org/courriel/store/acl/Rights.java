package org.courriel.store.acl;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A set of {@link Right}s, immutable. Written in the canonical order of RFC 4314 §2.1 ({@code lrswipkxtea}),
 * followed by the virtual rights of §2.1.1 when one of their members is present: {@code c} (create, here the
 * union of k and x) and {@code d} (delete, the union of t and e), for RFC 2086 clients.
 */
public final class Rights {

    public static final Rights NONE = new Rights(EnumSet.noneOf(Right.class));
    /** What the owner of a mailbox holds, implicitly. */
    public static final Rights ALL = new Rights(EnumSet.allOf(Right.class));

    private final Set<Right> rights;

    private Rights(EnumSet<Right> rights) {
        this.rights = Collections.unmodifiableSet(rights);
    }

    public static Rights of(Right... rights) {
        EnumSet<Right> set = EnumSet.noneOf(Right.class);
        Collections.addAll(set, rights);
        return new Rights(set);
    }

    /**
     * The rights named by {@code letters}: standard rights and the virtual c and d, which stand for all their
     * members (RFC 4314 §2.1.1). Refuses an upper-case letter and any letter or digit that is no right here
     * (§3.1: "an unrecognized right MUST cause the command to return the BAD response").
     *
     * @throws IllegalArgumentException naming the offending letter
     */
    public static Rights parse(String letters) {
        EnumSet<Right> set = EnumSet.noneOf(Right.class);
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 'c' -> {
                    set.add(Right.CREATE_MAILBOX);
                    set.add(Right.DELETE_MAILBOX);
                }
                case 'd' -> {
                    set.add(Right.DELETE_MESSAGES);
                    set.add(Right.EXPUNGE);
                }
                default -> {
                    Right r = Right.of(c);
                    if (r == null) {
                        throw new IllegalArgumentException(c >= 'A' && c <= 'Z' ? "Uppercase rights are not allowed"
                                : "The " + c + " right is not supported");
                    }
                    set.add(r);
                }
            }
        }
        return new Rights(set);
    }

    /** The rights stored in a row: standard letters only, as {@link #stored()} wrote them. */
    public static Rights fromStored(String letters) {
        return parse(letters);
    }

    public boolean has(Right right) {
        return rights.contains(right);
    }

    public boolean isEmpty() {
        return rights.isEmpty();
    }

    /** Whether at least one of {@code any} is here. */
    public boolean hasAny(Right... any) {
        for (Right r : any) {
            if (rights.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public Rights plus(Rights other) {
        EnumSet<Right> set = copy();
        set.addAll(other.rights);
        return new Rights(set);
    }

    public Rights minus(Rights other) {
        EnumSet<Right> set = copy();
        set.removeAll(other.rights);
        return new Rights(set);
    }

    /** Whether these rights let a user change any flag at all (RFC 4314 §5.2 "shared flag rights"). */
    public boolean mayChangeFlags() {
        return hasAny(Right.KEEP_SEEN, Right.WRITE, Right.DELETE_MESSAGES);
    }

    /**
     * RFC 4314 §5.2: READ-WRITE when any of "i", "e" or the shared flag rights ("s", "w", "t": every flag of a
     * shared mailbox is shared here) is granted, READ-ONLY otherwise.
     */
    public boolean readWrite() {
        return hasAny(Right.INSERT, Right.EXPUNGE) || mayChangeFlags();
    }

    /** The standard letters alone, as an ACL row stores them. */
    public String stored() {
        StringBuilder sb = new StringBuilder();
        for (Right r : rights) {
            sb.append(r.letter());
        }
        return sb.toString();
    }

    /** The letters as MYRIGHTS and ACL responses give them, with the virtual c and d (RFC 4314 §2.1.1). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(stored());
        if (hasAny(Right.CREATE_MAILBOX, Right.DELETE_MAILBOX)) {
            sb.append('c');
        }
        if (hasAny(Right.DELETE_MESSAGES, Right.EXPUNGE)) {
            sb.append('d');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rights other && rights.equals(other.rights);
    }

    @Override
    public int hashCode() {
        return rights.hashCode();
    }

    private EnumSet<Right> copy() {
        return rights.isEmpty() ? EnumSet.noneOf(Right.class) : EnumSet.copyOf(rights);
    }
}
