package org.courriel.mta.smtp.session;

/** Where a session is in the RFC 5321 §3.3 command sequence; commands declare the states they accept. */
public enum SessionState {
    /** Greeted, waiting for HELO or EHLO (RFC 5321 §4.1.4). */
    CONNECTED,
    /** HELO/EHLO done, no transaction. */
    READY,
    /** MAIL accepted, no recipient yet. */
    MAIL,
    /** At least one RCPT accepted: DATA or BDAT may follow. */
    RCPT
}
