package org.courriel.mta.relay;

import javax.net.ssl.SSLContext;

/**
 * How one connection checks the server's certificate, when a published policy of the destination (DANE,
 * MTA-STS; {@code org.courriel.mta.relay.tls}) decides it rather than {@code courriel.relay.tls} alone.
 * The {@link TlsMode} of the {@link RelayTarget} still says whether STARTTLS is mandatory.
 *
 * @param source        what decided it, for the operator: {@code configured}, {@code DANE}, {@code MTA-STS}
 * @param context       the TLS context to verify the peer with; null: the client's own for the mode
 * @param checkHostName whether the certificate must be valid for the MX name (RFC 6125); ignored without a
 *                      context of its own (the mode decides)
 * @param mxAuthenticated the name the server is known by comes from an authenticated source (RFC 8689 §4.2.1
 *                      step 1): the operator's configuration, a DNSSEC-validated MX answer (DANE), or an
 *                      MTA-STS policy in enforce mode that lists it; read by {@link MxAuthentication}
 */
public record TlsPolicy(String source, SSLContext context, boolean checkHostName, boolean mxAuthenticated) {

    /**
     * What {@code courriel.relay.tls} (or a route's, the smarthost's) says, nothing more; the host is the
     * operator's choice, so its name is trusted.
     */
    public static final TlsPolicy CONFIGURED = new TlsPolicy("configured", null, false, true);

    /**
     * An MX host as plain DNS gave it, before (or without) DANE and MTA-STS: the configured TLS, and a name
     * that a forged MX answer could have chosen.
     */
    public static final TlsPolicy MX_LOOKUP = new TlsPolicy("configured", null, false, false);

    SSLContext context(TlsMode mode, SSLContext verified, SSLContext unverified) {
        if (context != null) {
            return context;
        }
        return mode.verifies() ? verified : unverified;
    }

    boolean checksHostName(TlsMode mode) {
        return context != null ? checkHostName : mode.verifies();
    }

    /**
     * Whether a handshake under this policy authenticates the server: a context of its own (DANE's TLSA
     * records) checks the chain itself; otherwise a verifying mode does (PKIX and the host name).
     */
    boolean authenticates(TlsMode mode) {
        return context != null || mode.verifies();
    }

    /** A note for replies and logs, empty for the configured policy. */
    String note() {
        return this == CONFIGURED || "configured".equals(source) ? "" : " (" + source + ")";
    }
}
