package org.courriel.mta.relay;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

/**
 * Every reply the queue makes up itself, when no server gave one: the one place that maps local conditions to
 * reply codes and enhanced status codes (RFC 3463). They land in the attempt history and in DSNs, and their
 * class decides the outcome like a server's would: 4xx deferred, 5xx failed.
 */
public final class LocalReply {

    private LocalReply() {
    }

    // routing (RFC 3463 §3.5 network and routing, §3.2 addressing)

    public static RemoteReply noSuchDomain(String domain) {
        return RemoteReply.local(550, "5.1.2", "domain " + domain + " does not exist");
    }

    /** RFC 7505 §4.1. */
    public static RemoteReply nullMx(String domain) {
        return RemoteReply.local(556, "5.1.10", "domain " + domain + " accepts no mail (null MX)");
    }

    public static RemoteReply dnsFailure(String name, String error) {
        return RemoteReply.local(451, "4.4.3", "DNS lookup of " + name + " failed: " + error);
    }

    public static RemoteReply noAddress(String what) {
        return RemoteReply.local(451, "4.4.4", "no address for " + what);
    }

    // connections (X.4.1 no answer, X.4.2 bad connection)

    public static RemoteReply noServerTried() {
        return RemoteReply.local(451, "4.4.1", "no server tried");
    }

    public static RemoteReply connectionFailed(RelayTarget target, IOException e) {
        String what = e instanceof SocketTimeoutException ? "timed out" : "failed";
        return RemoteReply.local(421, e instanceof ConnectException ? "4.4.1" : "4.4.2",
                "connection with " + target.describe() + " " + what + ": " + e.getMessage());
    }

    public static RemoteReply connectionLost(String host) {
        return RemoteReply.local(421, "4.4.2", "connection with " + host + " lost");
    }

    // security (X.7.0)

    public static RemoteReply tlsNotOffered(RelayTarget target) {
        return RemoteReply.local(421, "4.7.0", "TLS required but " + target.describe() + " does not offer STARTTLS");
    }

    public static RemoteReply tlsFailed(RelayTarget target, String why) {
        return RemoteReply.local(421, "4.7.0", "TLS with " + target.describe() + " failed: " + why);
    }

    /** RFC 8689 §5: a REQUIRETLS message and a session not protected as it asks; deferred, not sent in clear. */
    public static RemoteReply requireTlsUnprotected(RelayTarget target, String why) {
        return RemoteReply.local(451, "4.7.10", "REQUIRETLS: " + why + " with " + target.describe());
    }

    /** RFC 8689 §5: 5.7.30 "REQUIRETLS support required" once the queue gives up, 4.7.30 until then. */
    public static RemoteReply requireTlsNotOffered(RelayTarget target) {
        return RemoteReply.local(451, "4.7.30", "REQUIRETLS support required: " + target.describe()
                + " does not offer REQUIRETLS");
    }

    public static RemoteReply credentialsNeedTls(RelayTarget target) {
        return RemoteReply.local(530, "5.7.0", "refusing to send credentials to " + target.describe() + " without TLS");
    }

    public static RemoteReply authPlainNotOffered(RelayTarget target) {
        return RemoteReply.local(504, "5.5.4", target.describe() + " does not offer AUTH PLAIN");
    }

    // the message and the server's extensions (X.3.4 too big, X.6.7 / X.6.3 conversion)

    /** RFC 1870 §6. */
    public static RemoteReply tooBig(long size, long limit) {
        return RemoteReply.local(552, "5.3.4", "message of " + size + " bytes exceeds the remote limit of " + limit);
    }

    /** RFC 6531 §3.2. */
    public static RemoteReply needsSmtpUtf8() {
        return RemoteReply.local(553, "5.6.7", "the remote server does not support SMTPUTF8");
    }

    /** RFC 6152 §3. */
    public static RemoteReply needsEightBitMime() {
        return RemoteReply.local(554, "5.6.3", "8-bit content and the remote server lacks 8BITMIME");
    }

    /** RFC 5321 §6.3, RFC 3463 X.4.6 routing loop. */
    public static RemoteReply loop(int hops) {
        return RemoteReply.local(554, "5.4.6", "routing loop detected: " + hops + " Received fields");
    }

    // local delivery and local trouble (X.3.0, X.2.2, X.1.1)

    public static RemoteReply localError(String what) {
        return RemoteReply.local(451, "4.3.0", "local error: " + what);
    }

    public static RemoteReply deliveredLocally() {
        return RemoteReply.local(250, "2.0.0", "delivered locally");
    }

    public static RemoteReply noSuchLocalRecipient() {
        return RemoteReply.local(550, "5.1.1", "no such local recipient");
    }

    public static RemoteReply systemFull() {
        return RemoteReply.local(452, "4.3.1", "insufficient system storage");
    }

    public static RemoteReply mailboxFull() {
        return RemoteReply.local(452, "4.2.2", "mailbox full");
    }
}
