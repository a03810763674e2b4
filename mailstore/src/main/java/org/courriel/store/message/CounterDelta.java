package org.courriel.store.message;

/**
 * What one write does to its mailbox's STATUS counters (the {@code mailbox} columns {@code message_count},
 * {@code unseen_count}, {@code deleted_count} and {@code total_size}): {@link MessageWriter} adds it to the row in
 * the statement that takes the row lock, or right after under it, so the counters always equal a count of the
 * message rows (RFC 9051 §6.3.11 MESSAGES, UNSEEN, DELETED; RFC 8438 SIZE).
 */
record CounterDelta(long messages, long unseen, long deleted, long bytes) {

    static final CounterDelta NONE = new CounterDelta(0, 0, 0, 0);

    /** A message of these flags and size comes into the mailbox. */
    static CounterDelta added(Flags flags, long size) {
        return new CounterDelta(1, flags.has(SystemFlag.SEEN) ? 0 : 1, flags.has(SystemFlag.DELETED) ? 1 : 0, size);
    }

    /** A message of these flags and size leaves the mailbox. */
    static CounterDelta removed(Flags flags, long size) {
        return added(flags, size).negated();
    }

    /** A message's flags change from {@code before} to {@code after}. */
    static CounterDelta flagsChanged(Flags before, Flags after) {
        return added(after, 0).plus(removed(before, 0));
    }

    CounterDelta plus(CounterDelta other) {
        return new CounterDelta(messages + other.messages, unseen + other.unseen, deleted + other.deleted,
                bytes + other.bytes);
    }

    CounterDelta negated() {
        return new CounterDelta(-messages, -unseen, -deleted, -bytes);
    }

    boolean isNone() {
        return equals(NONE);
    }
}
