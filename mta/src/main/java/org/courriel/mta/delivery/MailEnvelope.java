package org.courriel.mta.delivery;

import java.util.List;

/**
 * The SMTP envelope of one message (RFC 5321 §2.3.1), with the DSN parameters of MAIL (RFC 3461 §4.3,
 * §4.4) that the outbound queue needs to build delivery status notifications.
 *
 * @param reversePath the MAIL FROM address, or "" for the null reverse-path {@code <>} (bounces)
 * @param recipients  the accepted RCPT TO recipients
 * @param ret         RET=FULL or RET=HDRS, or null
 * @param envId       ENVID (xtext as given), or null
 * @param smtpUtf8    the client used SMTPUTF8 (RFC 6531)
 * @param eightBit    the body was declared 8BITMIME (or BINARYMIME)
 * @param requireTls  MAIL had REQUIRETLS (RFC 8689 §4.1): relayed only over verified TLS to a REQUIRETLS server;
 *                    nothing special for local copies
 */
public record MailEnvelope(String reversePath, List<EnvelopeRecipient> recipients, Ret ret, String envId,
        boolean smtpUtf8, boolean eightBit, boolean requireTls) {

    /** An envelope without REQUIRETLS. */
    public MailEnvelope(String reversePath, List<EnvelopeRecipient> recipients, Ret ret, String envId,
            boolean smtpUtf8, boolean eightBit) {
        this(reversePath, recipients, ret, envId, smtpUtf8, eightBit, false);
    }

    /** RFC 3461 §4.3 RET. */
    public enum Ret { FULL, HDRS }

    public boolean isBounce() {
        return reversePath.isEmpty();
    }
}
