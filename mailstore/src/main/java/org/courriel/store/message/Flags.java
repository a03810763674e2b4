package org.courriel.store.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.courriel.store.event.MailboxEvent;

/**
 * The flags of a message: a bit set of {@link SystemFlag}s and a set of keywords (RFC 9051 §2.3.2).
 * Keywords are atoms compared without regard to case; they are kept in the case first given.
 */
public record Flags(int system, Set<String> keywords) {

    public static final Flags NONE = new Flags(0, Set.of());

    /** Longest keyword accepted, and most keywords one message keeps: both bound the stored column. */
    public static final int MAX_KEYWORD_LENGTH = 100;
    public static final int MAX_KEYWORDS = 32;

    public Flags {
        if (keywords.isEmpty()) {
            keywords = Set.of(); // most messages: no sorted copy per row read (FETCH reads thousands)
        } else {
            TreeSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            sorted.addAll(keywords);
            keywords = java.util.Collections.unmodifiableSet(sorted);
        }
    }

    /** The flags an event carries ({@link MailboxEvent.FlagsChanged}). */
    public static Flags of(MailboxEvent.FlagValues values) {
        return new Flags(values.system(), values.keywords());
    }

    /** These flags as an event carries them. */
    public MailboxEvent.FlagValues values() {
        return new MailboxEvent.FlagValues(system, keywords);
    }

    public static Flags of(SystemFlag... flags) {
        int bits = 0;
        for (SystemFlag f : flags) {
            bits |= f.bit();
        }
        return new Flags(bits, Set.of());
    }

    /** Flags from IMAP flag names: system flags by their backslash names, anything else as a keyword. */
    public static Flags fromNames(Collection<String> names) {
        int bits = 0;
        List<String> keywords = new ArrayList<>();
        for (String name : names) {
            SystemFlag f = SystemFlag.fromImapName(name);
            if (f != null) {
                bits |= f.bit();
            } else if (!name.startsWith("\\")) {
                keywords.add(name);
            }
        }
        return new Flags(bits, Set.copyOf(new TreeSet<>(keywords)));
    }

    public boolean has(SystemFlag flag) {
        return (system & flag.bit()) != 0;
    }

    public boolean hasKeyword(String keyword) {
        return keywords.contains(keyword);
    }

    public Flags with(Flags other) {
        TreeSet<String> k = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        k.addAll(keywords);
        k.addAll(other.keywords);
        return new Flags(system | other.system, k);
    }

    public Flags without(Flags other) {
        TreeSet<String> k = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        k.addAll(keywords);
        k.removeAll(other.keywords);
        return new Flags(system & ~other.system, k);
    }

    /** All flag names, system flags first, as IMAP lists them. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (SystemFlag f : SystemFlag.values()) {
            if (has(f)) {
                names.add(f.imapName());
            }
        }
        names.addAll(keywords);
        return names;
    }

    /** The keywords column: space separated, or null when there are none. */
    String keywordColumn() {
        return keywords.isEmpty() ? null : String.join(" ", keywords);
    }

    static Flags fromColumns(int system, String keywords) {
        if (keywords == null || keywords.isEmpty()) {
            return new Flags(system, Set.of());
        }
        return new Flags(system, Set.of(keywords.split(" ")));
    }
}
