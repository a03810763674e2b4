package org.courriel.store.commit;

import java.util.List;

import org.courriel.store.event.MailboxEvent;

/** How one try at committing a batch ended; the {@link GroupCommitter} decides what comes next. */
sealed interface CommitAttempt {

    /** Every unit ran and the transaction committed; the events are to publish. */
    record Committed(List<MailboxEvent> events) implements CommitAttempt {
    }

    /** A unit refused (quota, a vanished mailbox, a bug): it fails alone, the others run again without it. */
    record Refused(PendingWork<?> unit, RuntimeException failure) implements CommitAttempt {
    }

    /**
     * A deadlock, a lock timeout or a row another node inserted at the same moment: worth another try.
     * {@code unit} is the unit that met it, or null when the commit itself did.
     */
    record Contended(PendingWork<?> unit, RuntimeException failure) implements CommitAttempt {
    }

    /** The database is unavailable (or failed in a way no retry helps): the whole batch fails as temporary. */
    record Unavailable(RuntimeException failure) implements CommitAttempt {
    }
}
