package org.courriel.mta.queue;

/**
 * Which entries {@link QueueService#list} returns, newest first. Every criterion is optional (null).
 *
 * @param state           entries with at least one recipient in this state
 * @param sender          entries whose sender contains this text (case-insensitive)
 * @param recipientDomain entries with a recipient in this domain
 * @param finished        true: only finished entries; false: only entries still in the queue; null: both
 * @param beforeId        entries with an id below this one (paging: the last id of the previous page)
 * @param limit           most entries returned (1 to 1000)
 */
public record QueueFilter(RecipientState state, String sender, String recipientDomain, Boolean finished,
        Long beforeId, int limit) {

    public static final int MAX_LIMIT = 1000;

    public QueueFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
    }

    /** Entries still in the queue, newest first, at most {@code limit}. */
    public static QueueFilter active(int limit) {
        return new QueueFilter(null, null, null, false, null, limit);
    }

    public static QueueFilter all(int limit) {
        return new QueueFilter(null, null, null, null, null, limit);
    }
}
