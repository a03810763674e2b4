package org.courriel.mta.delivery;

import org.courriel.store.StoreException;

/**
 * The recipient's script rejected the message (RFC 5429) and it had no other recipient, so the refusal is
 * given in the SMTP dialogue (550 5.7.1) rather than by a later notification. Nothing was stored.
 */
public final class SieveRejectedException extends StoreException {

    public SieveRejectedException(String recipient) {
        super(Reason.NOT_ALLOWED, "rejected by the Sieve script of " + recipient);
    }
}
