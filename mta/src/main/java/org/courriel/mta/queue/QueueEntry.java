package org.courriel.mta.queue;

import java.time.Instant;
import java.util.List;

/**
 * A queued message as operators see it.
 *
 * @param id         the queue entry's id
 * @param sender     the envelope sender, "" for the null sender
 * @param queuedAt   when it was queued
 * @param size       its size in bytes
 * @param envId      its ENVID, or null
 * @param finishedAt when every recipient was finished (content released), or null while in the queue
 * @param recipients its recipients and their states
 */
public record QueueEntry(long id, String sender, Instant queuedAt, long size, String envId, Instant finishedAt,
        List<Recipient> recipients) {

    public QueueEntry {
        recipients = List.copyOf(recipients);
    }

    /**
     * @param lastCode  the last reply code, or null before the first attempt
     * @param lastReply the last reply as {@code 550 5.1.1 text}, or null
     * @param lastHost  the server that gave it, or null
     */
    public record Recipient(long id, String address, RecipientState state, int attempts, Instant nextAttemptAt,
            Integer lastCode, String lastReply, String lastHost, boolean beingDelivered) {
    }
}
