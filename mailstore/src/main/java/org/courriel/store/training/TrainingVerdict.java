package org.courriel.store.training;

/** What a user's classification teaches the spam filter about one message. */
public enum TrainingVerdict {
    /** Moved or copied into Junk, or given the {@code $Junk} keyword. */
    SPAM,
    /** Moved or copied out of Junk into a folder other than Trash, or given the {@code $NotJunk} keyword. */
    HAM
}
