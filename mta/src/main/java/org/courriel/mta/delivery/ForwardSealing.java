package org.courriel.mta.delivery;

import org.courriel.mta.maillog.MailOrigin;

/**
 * What a forwarder adds to a message it received and sends on (an alias to an outside address) before the copy
 * is queued: ARC sealing, implemented by {@code org.courriel.mta.auth.arc}. Declared here, where delivery needs
 * it, so that delivery depends on no checking code.
 */
public interface ForwardSealing {

    /** Adds nothing. */
    ForwardSealing NONE = (message, envelope, origin) -> message;

    /**
     * The copy to queue for the forwarded recipients: the same array, or a new one with the forwarder's fields
     * on top. Never throws: a copy that cannot be sealed leaves as it came.
     */
    byte[] seal(byte[] message, MailEnvelope envelope, MailOrigin origin);
}
