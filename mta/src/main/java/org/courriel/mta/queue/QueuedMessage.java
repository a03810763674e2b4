package org.courriel.mta.queue;

import java.time.Instant;

import org.courriel.mta.delivery.MailEnvelope.Ret;

/**
 * A queued message as a worker sees it.
 *
 * @param contentId the content row the queue holds a reference on; null once the entry is finished
 * @param sender    the reverse-path, "" for the null sender
 */
public record QueuedMessage(long id, Long contentId, String sender, Ret ret, String envId, boolean smtpUtf8,
        boolean eightBit, long size, Instant createdAt) {

    public boolean hasNullSender() {
        return sender.isEmpty();
    }
}
