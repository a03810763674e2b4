package org.courriel.mta.auth;

import java.net.InetAddress;

import org.courriel.mta.auth.spf.SpfVerdict;

/**
 * What MAIL time learnt about the sender: the SPF results of MAIL FROM and HELO (RFC 7208 §2.3, §2.4) and the
 * client's forward-confirmed reverse name.
 *
 * @param clientName the FCrDNS name of the client, or null
 */
public record SenderChecks(InetAddress client, String helo, SpfVerdict mailFrom, SpfVerdict heloSpf,
        String clientName) {
}
