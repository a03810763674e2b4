package org.courriel.imap.session;

import java.util.EnumSet;
import java.util.Set;

/** The states of an IMAP connection (RFC 9051 §3). */
public enum SessionState {
    NOT_AUTHENTICATED,
    AUTHENTICATED,
    SELECTED,
    LOGOUT;

    /** Any state before LOGOUT (CAPABILITY, NOOP, LOGOUT, ID). */
    public static final Set<SessionState> ANY = EnumSet.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    /** Before login (LOGIN, AUTHENTICATE, STARTTLS). */
    public static final Set<SessionState> NOT_AUTH = EnumSet.of(NOT_AUTHENTICATED);
    /** After login, with or without a selected mailbox. */
    public static final Set<SessionState> AUTH = EnumSet.of(AUTHENTICATED, SELECTED);
    /** With a selected mailbox. */
    public static final Set<SessionState> SELECT = EnumSet.of(SELECTED);
}
