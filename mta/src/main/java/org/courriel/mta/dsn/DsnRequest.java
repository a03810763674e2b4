package org.courriel.mta.dsn;

import java.time.Instant;
import java.util.List;

/**
 * A notification to send about one original message.
 *
 * @param sender      the original envelope sender, the report's recipient (never "")
 * @param envId       the original ENVID, or null
 * @param arrival     when the original was accepted
 * @param returnFull  RET=FULL: return the whole message, else its header
 * @param original    the original message's bytes
 * @param recipients  the recipients reported on, all with the same action
 * @param requireTls  the original had REQUIRETLS (RFC 8689 §5): the report goes with REQUIRETLS, header only
 */
public record DsnRequest(String sender, String envId, Instant arrival, boolean returnFull, byte[] original,
        List<DsnRecipient> recipients, boolean requireTls) {

    /** A notification about a message without REQUIRETLS. */
    public DsnRequest(String sender, String envId, Instant arrival, boolean returnFull, byte[] original,
            List<DsnRecipient> recipients) {
        this(sender, envId, arrival, returnFull, original, recipients, false);
    }

    public DsnRequest {
        if (sender == null || sender.isEmpty()) {
            throw new IllegalArgumentException("a message with a null sender is never bounced (RFC 5321 §4.5.5)");
        }
        recipients = List.copyOf(recipients);
    }
}
