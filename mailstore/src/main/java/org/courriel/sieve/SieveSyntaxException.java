package org.courriel.sieve;

/**
 * A script that is not valid Sieve, or uses what Courriel does not support, with the line it went wrong on
 * (ManageSieve PUTSCRIPT and CHECKSCRIPT report it to the user, RFC 5804 §2.6).
 */
public final class SieveSyntaxException extends Exception {

    private final int line;

    public SieveSyntaxException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
