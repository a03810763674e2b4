package org.courriel.mta.queue;

import java.time.Instant;

import org.courriel.mta.delivery.MailEnvelope.Ret;

/**
 * A queued message as a worker sees it.
 *
 * @param contentId the content row the queue holds a reference on; null once the entry is finished
 * @param sender    the reverse-path, "" for the null sender
 * @param requireTls   MAIL had REQUIRETLS (RFC 8689 §4.1)
 * @param tlsOptional  the message says {@code TLS-Required: No} (RFC 8689 §3) and had no REQUIRETLS
 */
public record QueuedMessage(long id, Long contentId, String sender, Ret ret, String envId, boolean smtpUtf8,
        boolean eightBit, long size, Instant createdAt, boolean requireTls, boolean tlsOptional) {

    /** A message with no TLS requirement of its own. */
    public QueuedMessage(long id, Long contentId, String sender, Ret ret, String envId, boolean smtpUtf8,
            boolean eightBit, long size, Instant createdAt) {
        this(id, contentId, sender, ret, envId, smtpUtf8, eightBit, size, createdAt, false, false);
    }

    public boolean hasNullSender() {
        return sender.isEmpty();
    }
}
