package org.courriel.mta.delivery;

import org.courriel.mta.maillog.MailOrigin;
import org.courriel.store.content.MessageContent;

/**
 * What a forwarder adds to a message it received and sends on (an alias to an outside address) before the copy
 * is queued: ARC sealing, implemented by {@code org.courriel.mta.auth.arc}. Declared here, where delivery needs
 * it, so that delivery depends on no checking code.
 */
public interface ForwardSealing {

    /** Adds nothing. */
    ForwardSealing NONE = (content, envelope, origin) -> content;

    /**
     * The copy to queue for the forwarded recipients: {@code content} itself, or a new content with the
     * forwarder's fields on top. Never throws: a copy that cannot be sealed leaves as it came.
     */
    MessageContent seal(MessageContent content, MailEnvelope envelope, MailOrigin origin);
}
