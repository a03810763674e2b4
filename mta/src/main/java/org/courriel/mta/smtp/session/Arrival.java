package org.courriel.mta.smtp.session;

import java.net.InetAddress;
import java.time.ZonedDateTime;

import org.courriel.mta.maillog.MailOrigin;

/**
 * How a message arrived, for its trace fields (RFC 5321 §4.4) and the submission fields (RFC 6409 §8).
 *
 * @param helo          the name the client gave in HELO or EHLO
 * @param client        the client's address
 * @param hostname      this server's name
 * @param extended      the client said EHLO
 * @param secure        over TLS
 * @param authenticated the client authenticated (RFC 4954)
 * @param sessionId     the session's identifier, the Received field's ID clause
 * @param submission    arrived on a submission listener
 * @param at            when the content was received
 * @param account       the authenticated account's address, or null
 */
public record Arrival(String helo, InetAddress client, String hostname, boolean extended, boolean secure,
        boolean authenticated, String sessionId, boolean submission, ZonedDateTime at, String account) {

    /** The mail log's view of where the message came from. */
    public MailOrigin origin() {
        return MailOrigin.smtp(client, helo, secure ? "yes" : null, account);
    }
}
