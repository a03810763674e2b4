package org.courriel.sieve;

/**
 * A script failed while running (a bound hit, incompatible actions): the caller falls back to the implicit
 * keep (RFC 5228 §2.10.6) and logs the message.
 */
public final class SieveRuntimeException extends RuntimeException {

    public SieveRuntimeException(String message) {
        super(message);
    }
}
