package org.courriel.mta.dsn;

import java.time.Instant;

/**
 * The per-recipient fields of a delivery status notification (RFC 3464 §2.3).
 *
 * @param finalRecipient    the address the queue tried (Final-Recipient, §2.3.2)
 * @param originalRecipient ORCPT as the client gave it ({@code rfc822;xtext}), or null (§2.3.1)
 * @param action            what happened (§2.3.3)
 * @param status            the enhanced status code (§2.3.4, RFC 3463)
 * @param remoteMta         the server that gave the reply, or null (§2.3.5)
 * @param diagnostic        the SMTP reply, {@code 550 5.1.1 no such user}, or null (§2.3.6)
 * @param lastAttempt       Last-Attempt-Date (§2.3.7), or null
 * @param willRetryUntil    Will-Retry-Until for a delay notice (§2.3.8), or null
 */
public record DsnRecipient(String finalRecipient, String originalRecipient, DsnAction action, String status,
        String remoteMta, String diagnostic, Instant lastAttempt, Instant willRetryUntil) {
}
