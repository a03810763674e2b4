package org.courriel.mta.maillog;

import java.net.InetAddress;

/**
 * Where a message came from, for its {@code from=} line in the mail log.
 *
 * @param client the client as {@code name[ip]} ({@code unknown[ip]}: no name lookup is made), or what
 *               produced it ({@code api}, {@code notification})
 * @param helo   the HELO/EHLO name, or null
 * @param tls    the TLS protocol of the connection, or null without TLS
 * @param auth   the authenticated account, or null
 * @param senderVerified the envelope sender is known to be genuine: an authenticated account, the server itself,
 *               or a sender that passed SPF (or DMARC) at our MX; only such a sender gets delivery status
 *               notifications (no backscatter, issue 12)
 */
public record MailOrigin(String client, String helo, String tls, String auth, boolean senderVerified) {

    /** Produced by the server itself or an account ({@code api}): its sender is genuine. */
    public MailOrigin(String client, String helo, String tls, String auth) {
        this(client, helo, tls, auth, true);
    }

    /** An SMTP client; its sender counts as genuine once it authenticated ({@link #withSenderVerified}). */
    public static MailOrigin smtp(InetAddress address, String helo, String tls, String auth) {
        return new MailOrigin("unknown[" + address.getHostAddress() + "]", helo, tls, auth, auth != null);
    }

    /** The same origin, its sender checked at our MX ({@code verified}) or not. */
    public MailOrigin withSenderVerified(boolean verified) {
        return new MailOrigin(client, helo, tls, auth, verified);
    }

    /** Produced by the server itself, e.g. {@code api} or {@code notification}. */
    public static MailOrigin internal(String what) {
        return new MailOrigin(what, null, null, null);
    }
}
