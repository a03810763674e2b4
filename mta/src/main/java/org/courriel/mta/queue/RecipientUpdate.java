package org.courriel.mta.queue;

import java.time.Instant;

import org.courriel.mta.relay.RemoteReply;

/**
 * What one attempt changes on a recipient row.
 *
 * @param state       the new state
 * @param nextAttempt when to try again (DEFERRED), else null
 * @param reply       the reply that decided
 * @param host        the server that gave it, or null
 * @param dsn         the notification now due (FAILED, DELAYED, RELAYED), or null
 * @param delayNotice the notification is a delay notice (sent once)
 * @param outcome     the attempt's outcome for the history: DELIVERED, DEFERRED, FAILED, EXPIRED
 */
public record RecipientUpdate(RecipientState state, Instant nextAttempt, RemoteReply reply, String host, String dsn,
        boolean delayNotice, String outcome) {
}
