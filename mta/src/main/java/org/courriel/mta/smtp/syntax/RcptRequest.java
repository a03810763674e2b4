package org.courriel.mta.smtp.syntax;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.delivery.EnvelopeRecipient;

/**
 * A parsed RCPT TO (RFC 5321 §4.1.1.3) with its parameters.
 *
 * @param notifications NOTIFY (RFC 3461 §4.1), empty when none was given
 * @param orcpt  ORCPT as given, {@code addr-type;xtext} (RFC 3461 §4.2), or null
 */
public record RcptRequest(Path path, Set<EnvelopeRecipient.Notify> notifications, String orcpt) {

    public RcptRequest {
        // in the enum's order, as the queue and the relay client write them
        EnumSet<EnvelopeRecipient.Notify> copy = EnumSet.noneOf(EnvelopeRecipient.Notify.class);
        copy.addAll(notifications);
        notifications = Collections.unmodifiableSet(copy);
    }
}
