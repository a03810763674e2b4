package org.courriel.mta.relay;

import java.util.List;
import java.util.Set;

import org.courriel.mta.delivery.EnvelopeRecipient.Notify;
import org.courriel.mta.delivery.MailEnvelope.Ret;

/**
 * One message to transfer in one SMTP transaction.
 *
 * @param sender     the reverse-path, "" for {@code <>}
 * @param ret        RET, or null
 * @param envId      ENVID (xtext), or null
 * @param smtpUtf8   the message needs SMTPUTF8 (RFC 6531)
 * @param content    the message bytes, CRLF lines
 * @param recipients the recipients, all of one destination
 * @param requireTls MAIL had REQUIRETLS (RFC 8689 §4.1): passed on, over verified TLS only ({@link RequireTls})
 */
public record OutboundMessage(String sender, Ret ret, String envId, boolean smtpUtf8, byte[] content,
        List<Recipient> recipients, boolean requireTls) {

    public OutboundMessage {
        recipients = List.copyOf(recipients);
    }

    /** A message without REQUIRETLS. */
    public OutboundMessage(String sender, Ret ret, String envId, boolean smtpUtf8, byte[] content,
            List<Recipient> recipients) {
        this(sender, ret, envId, smtpUtf8, content, recipients, false);
    }

    /** A recipient with its DSN parameters (RFC 3461 §4). */
    public record Recipient(String address, Set<Notify> notifyOn, String orcpt) {
    }

    /** RFC 6152: the content has bytes above 127, so it needs 8BITMIME. */
    public boolean eightBit() {
        for (byte b : content) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6531 §3.4: a non-ASCII address or a declared UTF-8 message needs SMTPUTF8. */
    public boolean needsSmtpUtf8() {
        if (smtpUtf8 || !isAscii(sender)) {
            return true;
        }
        return recipients.stream().anyMatch(r -> !isAscii(r.address()));
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }
}
