package org.courriel.pop3.protocol;

/**
 * The response codes a -ERR may carry in brackets (RFC 2449 §8, RESP-CODES; RFC 3206, AUTH-RESP-CODE).
 * [LOGIN-DELAY] is never sent: LOGIN-DELAY 0 is advertised and throttled logins look like failed ones.
 */
public enum ResponseCode {
    /** RFC 2449 §8.1.2: the maildrop is locked by another session. */
    IN_USE("IN-USE"),
    /** RFC 3206 §4: the credentials were refused. */
    AUTH("AUTH"),
    /** RFC 3206 §5: a temporary failure of the server; trying later may work. */
    SYS_TEMP("SYS/TEMP"),
    /** RFC 3206 §5: a failure of the server that trying again will not cure. */
    SYS_PERM("SYS/PERM");

    private final String text;

    ResponseCode(String text) {
        this.text = text;
    }

    /** The code as written between brackets. */
    public String text() {
        return text;
    }
}
