package org.courriel.store.mime;

import java.util.List;

/**
 * The envelope of a message as IMAP's ENVELOPE defines it (RFC 9051 §7.5.2, RFC 3501 §7.4.2).
 * Strings are the unfolded raw header values, null when the header is absent.
 * Per the RFC, an absent Sender or Reply-To defaults to From: {@link #sender()} and {@link #replyTo()} apply it.
 */
public record Envelope(
        String date,
        String subject,
        List<EnvelopeAddress> from,
        List<EnvelopeAddress> senderField,
        List<EnvelopeAddress> replyToField,
        List<EnvelopeAddress> to,
        List<EnvelopeAddress> cc,
        List<EnvelopeAddress> bcc,
        String inReplyTo,
        String messageId) {

    public static final Envelope EMPTY =
            new Envelope(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

    /** RFC 9051 §7.5.2: "If the Sender header line is absent ... the server MUST default it to the From". */
    public List<EnvelopeAddress> sender() {
        return senderField.isEmpty() ? from : senderField;
    }

    /** RFC 9051 §7.5.2: the same default applies to Reply-To. */
    public List<EnvelopeAddress> replyTo() {
        return replyToField.isEmpty() ? from : replyToField;
    }
}
