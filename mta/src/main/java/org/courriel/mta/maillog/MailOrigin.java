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
 */
public record MailOrigin(String client, String helo, String tls, String auth) {

    /** An SMTP client. */
    public static MailOrigin smtp(InetAddress address, String helo, String tls, String auth) {
        return new MailOrigin("unknown[" + address.getHostAddress() + "]", helo, tls, auth);
    }

    /** Produced by the server itself, e.g. {@code api} or {@code notification}. */
    public static MailOrigin internal(String what) {
        return new MailOrigin(what, null, null, null);
    }
}
