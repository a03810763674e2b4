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
 */
public record TlsPolicy(String source, SSLContext context, boolean checkHostName) {

    /** What {@code courriel.relay.tls} (or a route's, the smarthost's) says, nothing more. */
    public static final TlsPolicy CONFIGURED = new TlsPolicy("configured", null, false);

    SSLContext context(TlsMode mode, SSLContext verified, SSLContext unverified) {
        if (context != null) {
            return context;
        }
        return mode.verifies() ? verified : unverified;
    }

    boolean checksHostName(TlsMode mode) {
        return context != null ? checkHostName : mode.verifies();
    }

    /** A note for replies and logs, empty for the configured policy. */
    String note() {
        return this == CONFIGURED || "configured".equals(source) ? "" : " (" + source + ")";
    }
}
