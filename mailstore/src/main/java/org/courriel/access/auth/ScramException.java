package org.courriel.access.auth;

/** A SCRAM message that breaks RFC 5802 §7's grammar, or asks for what is not offered: a protocol error. */
public final class ScramException extends IllegalArgumentException {

    public ScramException(String message) {
        super(message);
    }
}
