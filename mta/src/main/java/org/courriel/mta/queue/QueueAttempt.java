package org.courriel.mta.queue;

import java.time.Instant;

/**
 * One delivery attempt of one recipient.
 *
 * @param outcome DELIVERED, DEFERRED, FAILED or EXPIRED
 */
public record QueueAttempt(long recipientId, String address, Instant attemptedAt, String node, String remoteHost,
        int code, String status, String reply, String outcome) {
}
