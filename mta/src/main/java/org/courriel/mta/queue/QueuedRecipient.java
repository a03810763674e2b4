package org.courriel.mta.queue;

import java.util.Set;

import org.courriel.mta.delivery.EnvelopeRecipient.Notify;

/**
 * A recipient claimed by a worker, with its message.
 *
 * @param notifyOn      NOTIFY as given; empty: the default (failures)
 * @param attempts      attempts made before this one
 * @param delayNotified a delay notice was sent already
 */
public record QueuedRecipient(long id, QueuedMessage message, String address, String domain, Set<Notify> notifyOn,
        String orcpt, int attempts, boolean delayNotified) {

    /** RFC 3461 §4.1: without NOTIFY a failure is reported; NEVER silences everything. */
    public boolean wantsFailureNotice() {
        return !message.hasNullSender() && (notifyOn.isEmpty() || notifyOn.contains(Notify.FAILURE));
    }

    /** Delay notices: asked for, or at the server's discretion without NOTIFY (RFC 3461 §4.1). */
    public boolean wantsDelayNotice() {
        return !message.hasNullSender() && (notifyOn.isEmpty() || notifyOn.contains(Notify.DELAY));
    }

    public boolean wantsSuccessNotice() {
        return !message.hasNullSender() && notifyOn.contains(Notify.SUCCESS);
    }
}
