package org.courriel.mta.queue;

import java.util.List;

/** One queue entry with its attempt history, oldest first. */
public record QueueEntryDetail(QueueEntry entry, List<QueueAttempt> attempts) {

    public QueueEntryDetail {
        attempts = List.copyOf(attempts);
    }
}
