package org.courriel.pop3.protocol;

/** A command line that is not a POP3 command (answered -ERR; the session goes on). */
public final class Pop3SyntaxException extends RuntimeException {

    public Pop3SyntaxException(String message) {
        super(message, null, false, false);
    }
}
