package org.courriel.mta.smtp.syntax;

import org.courriel.mta.delivery.MailEnvelope;

/**
 * A parsed MAIL FROM (RFC 5321 §4.1.1.2) with its parameters.
 *
 * @param size     the SIZE the client declared (RFC 1870 §6), 0 when none
 * @param smtpUtf8 SMTPUTF8 was given (RFC 6531 §3.4)
 * @param eightBit BODY=8BITMIME (RFC 6152)
 * @param ret      RET (RFC 3461 §4.3), or null
 * @param envId    ENVID (RFC 3461 §4.4), or null
 * @param requireTls REQUIRETLS was given (RFC 8689 §4.1): every onward hop must be verified TLS
 */
public record MailRequest(Path path, long size, boolean smtpUtf8, boolean eightBit, MailEnvelope.Ret ret,
        String envId, boolean requireTls) {
}
