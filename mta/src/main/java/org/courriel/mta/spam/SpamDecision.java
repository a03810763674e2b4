package org.courriel.mta.spam;

/** What the intake does with a scored message. */
public enum SpamDecision {
    /** Deliver as usual (INBOX, or what the recipient's filters choose). */
    DELIVER,
    /** Deliver to the recipient's Junk folder, with the {@code $Junk} keyword (RFC 5788 registry). */
    JUNK,
    /** Refuse for now: {@code 451 4.7.1}; the sender's server tries again later. */
    TEMPFAIL,
    /** Refuse: {@code 550 5.7.1}; nothing is kept. */
    REJECT
}
