package org.courriel.store.limit;

/** Whether a message may be sent now. */
public sealed interface SendAdmission {

    /** Counted: the message may go. */
    record Admitted() implements SendAdmission {
    }

    /** Not counted: sending it would exceed {@code limit}, whose counter holds {@code usage}. */
    record Refused(SendLimit limit, SendUsage usage) implements SendAdmission {
    }
}
