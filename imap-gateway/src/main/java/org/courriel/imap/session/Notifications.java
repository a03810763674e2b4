package org.courriel.imap.session;

/**
 * What NOTIFY (RFC 5465) asks of a session, as the session sees it: the NOTIFY command sets it, the session
 * asks it at every point where updates may go out (a command's end, IDLE, and while it waits for a command).
 * Every method but {@link #close()} is called under the session's update lock, on the session's thread or on a
 * short-lived push thread, never both at once.
 */
public interface Notifications {

    /**
     * Whether message events of the selected mailbox are reported at all: NOTIFY SET without a SELECTED or
     * SELECTED-DELAYED group means SELECTED NONE (RFC 5465 §3.1).
     */
    boolean reportsSelected();

    /** Whether the selected mailbox's flag changes are among them (FlagChange, RFC 5465 §5.1). */
    boolean reportsSelectedFlags();

    /** Whether they go out as they happen (SELECTED, RFC 5465 §6.1.1), not only when a command ends. */
    boolean pushesSelected();

    /** The client was just told of new messages (lo, hi] by EXISTS in the selected mailbox (RFC 5465 §5.2). */
    void newInSelected(long aboveUid, long upToUid);

    /** Whether events of other mailboxes wait to be written. */
    boolean hasPending();

    /** Writes the waiting events of other mailboxes (STATUS, LIST, METADATA). */
    void flush();

    /** NOTIFY NONE, another NOTIFY SET, or the end of the session: stops listening. */
    void close();
}
