package org.courriel.pop3.session;

/** The states of a POP3 session (RFC 1939 §3); UPDATE is the QUIT of a TRANSACTION, not a state to wait in. */
public enum Pop3State {
    /** RFC 1939 §4: before a successful login. */
    AUTHORIZATION,
    /** RFC 1939 §5: logged in, the maildrop locked. */
    TRANSACTION
}
