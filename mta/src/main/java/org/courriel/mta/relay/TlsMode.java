package org.courriel.mta.relay;

/** How the client protects a connection to a remote server. */
public enum TlsMode {
    /** Never STARTTLS. */
    NONE,
    /** STARTTLS when offered, certificates not verified (RFC 7435 opportunistic security); plain text otherwise. */
    OPPORTUNISTIC,
    /** STARTTLS must succeed or the attempt is deferred; certificates not verified (encryption only). */
    REQUIRED,
    /** STARTTLS must succeed with a certificate valid for the host name (RFC 3207 §4.1, RFC 6125). */
    VERIFY,
    /** TLS from the first byte (submissions, RFC 8314 §3.3), certificate verified. */
    IMPLICIT;

    boolean mandatory() {
        return this == REQUIRED || this == VERIFY || this == IMPLICIT;
    }

    boolean verifies() {
        return this == VERIFY || this == IMPLICIT;
    }
}
