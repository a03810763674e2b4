package org.courriel.mta.auth.dkim;

/** A signature or key that cannot be used: a {@code permerror} (RFC 8601 §2.7.1), with the reason. */
public final class DkimException extends Exception {

    public DkimException(String message) {
        super(message, null, false, false);
    }
}
