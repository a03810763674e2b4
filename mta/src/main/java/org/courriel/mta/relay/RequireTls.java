package org.courriel.mta.relay;

/**
 * The REQUIRETLS decisions of the relay (RFC 8689 §4.2): which next hops a message may go to at all, how to
 * open a session for it, and whether an open session may carry it. The MX evidence comes from the
 * destination's TLS policies (MTA-STS, DANE) through {@link MxAuthentication}; the queue asks
 * {@link #unauthenticatedMx} before it connects and {@link SmtpClientSession#send} asks {@link #refusal}.
 */
public final class RequireTls {

    private RequireTls() {
    }

    /**
     * What an open session offers a REQUIRETLS message.
     *
     * @param encrypted           STARTTLS (or implicit TLS) is in place
     * @param certificateVerified the certificate passed the PKIX check and is valid for the target's name
     * @param mxAuthenticated     the target's name came from an authenticated source ({@link MxAuthentication})
     * @param offersRequireTls    the server's EHLO after TLS lists REQUIRETLS
     */
    public record Session(boolean encrypted, boolean certificateVerified, boolean mxAuthenticated,
            boolean offersRequireTls) {
    }

    /**
     * The target as a message needs it: a REQUIRETLS message only over STARTTLS with a certificate verified for
     * the MX name (RFC 8689 §4.2.1 steps 2-4), so the session must verify; a {@code TLS-Required: No} message
     * may go without the TLS the operator requires (§4.2.2), except to a server that gets credentials or
     * speaks implicit TLS.
     */
    public static RelayTarget target(RelayTarget target, boolean requireTls, boolean tlsOptional) {
        if (requireTls && !target.tls().verifies()) {
            return withTls(target, TlsMode.VERIFY);
        }
        if (!requireTls && tlsOptional && (target.tls() == TlsMode.REQUIRED || target.tls() == TlsMode.VERIFY)
                && !target.authenticates()) {
            return withTls(target, TlsMode.OPPORTUNISTIC);
        }
        return target;
    }

    /**
     * Why a REQUIRETLS message may not go to {@code target} at all, or null when it may (or has no REQUIRETLS).
     * RFC 8689 §4.2.1 step 1: the MX name must come from a DNSSEC-validated lookup (DANE) or be listed by an
     * MTA-STS policy in enforce mode; a testing policy does not qualify (RFC 8461 §5: its failures are only
     * reported), nor does a plain MX answer. The queue tries the next host; with none left it defers with
     * 4.7.10, which bounces as 5.7.10 (RFC 8689 §5).
     */
    public static RemoteReply unauthenticatedMx(boolean requireTls, RelayTarget target,
            MxAuthentication authentication) {
        if (!requireTls || authentication.authenticated(target)) {
            return null;
        }
        return LocalReply.requireTlsUnprotected(target, "the MX name is not validated by DNSSEC (DANE) or"
                + " listed by an MTA-STS policy in enforce mode");
    }

    /**
     * Why a REQUIRETLS message may not go over {@code session}, or null when it may (or the message has no
     * REQUIRETLS). RFC 8689 §4.2.1: each step that fails defers the message, never a delivery in the clear.
     */
    public static RemoteReply refusal(boolean requireTls, RelayTarget target, Session session) {
        if (!requireTls) {
            return null;
        }
        if (!session.encrypted()) {
            return LocalReply.requireTlsUnprotected(target, "the session is not encrypted");
        }
        if (!session.certificateVerified()) {
            return LocalReply.requireTlsUnprotected(target, "the certificate was not verified");
        }
        if (!session.mxAuthenticated()) {
            return LocalReply.requireTlsUnprotected(target, "the MX name is not validated by DNSSEC or MTA-STS");
        }
        if (!session.offersRequireTls()) {
            return LocalReply.requireTlsNotOffered(target);
        }
        return null;
    }

    /**
     * A REQUIRETLS message whose session could not be opened with verified TLS (a 4.7.0 of the client or of the
     * server's STARTTLS): said in RFC 8689 §5 terms, 4.7.10, so that its final bounce reads 5.7.10. Other
     * failures (no answer, DNS) are left as they are.
     */
    public static RemoteReply sessionFailure(boolean requireTls, RemoteReply failure) {
        if (!requireTls || !failure.isTransient() || !failure.status().equals("4.7.0")) {
            return failure;
        }
        return RemoteReply.local(failure.code(), "4.7.10", "REQUIRETLS: " + failure.text());
    }

    /** The same target, its destination's policy kept (DANE's TLSA check, the MX evidence). */
    private static RelayTarget withTls(RelayTarget target, TlsMode tls) {
        return target.under(tls, target.policy());
    }
}
