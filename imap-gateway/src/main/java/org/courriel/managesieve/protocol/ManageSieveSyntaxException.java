package org.courriel.managesieve.protocol;

/** A command that does not follow RFC 5804 §4's grammar, or past a bound: answered with NO, the session lives on. */
public final class ManageSieveSyntaxException extends Exception {

    private final boolean fatal;

    public ManageSieveSyntaxException(String message) {
        this(message, false);
    }

    /** @param fatal the rest of the input cannot be trusted (a literal refused unread): BYE and close */
    public ManageSieveSyntaxException(String message, boolean fatal) {
        super(message);
        this.fatal = fatal;
    }

    public boolean fatal() {
        return fatal;
    }
}
