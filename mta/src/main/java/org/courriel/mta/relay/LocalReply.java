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

    public static SmtpReply noSuchDomain(String domain) {
        return SmtpReply.local(550, "5.1.2", "domain " + domain + " does not exist");
    }

    /** RFC 7505 §4.1. */
    public static SmtpReply nullMx(String domain) {
        return SmtpReply.local(556, "5.1.10", "domain " + domain + " accepts no mail (null MX)");
    }

    public static SmtpReply dnsFailure(String name, String error) {
        return SmtpReply.local(451, "4.4.3", "DNS lookup of " + name + " failed: " + error);
    }

    public static SmtpReply noAddress(String what) {
        return SmtpReply.local(451, "4.4.4", "no address for " + what);
    }

    // connections (X.4.1 no answer, X.4.2 bad connection)

    public static SmtpReply noServerTried() {
        return SmtpReply.local(451, "4.4.1", "no server tried");
    }

    public static SmtpReply connectionFailed(RelayTarget target, IOException e) {
        String what = e instanceof SocketTimeoutException ? "timed out" : "failed";
        return SmtpReply.local(421, e instanceof ConnectException ? "4.4.1" : "4.4.2",
                "connection with " + target.describe() + " " + what + ": " + e.getMessage());
    }

    public static SmtpReply connectionLost(String host) {
        return SmtpReply.local(421, "4.4.2", "connection with " + host + " lost");
    }

    // security (X.7.0)

    public static SmtpReply tlsNotOffered(RelayTarget target) {
        return SmtpReply.local(421, "4.7.0", "TLS required but " + target.describe() + " does not offer STARTTLS");
    }

    public static SmtpReply tlsFailed(RelayTarget target, String why) {
        return SmtpReply.local(421, "4.7.0", "TLS with " + target.describe() + " failed: " + why);
    }

    public static SmtpReply credentialsNeedTls(RelayTarget target) {
        return SmtpReply.local(530, "5.7.0", "refusing to send credentials to " + target.describe() + " without TLS");
    }

    public static SmtpReply authPlainNotOffered(RelayTarget target) {
        return SmtpReply.local(504, "5.5.4", target.describe() + " does not offer AUTH PLAIN");
    }

    // the message and the server's extensions (X.3.4 too big, X.6.7 / X.6.3 conversion)

    /** RFC 1870 §6. */
    public static SmtpReply tooBig(long size, long limit) {
        return SmtpReply.local(552, "5.3.4", "message of " + size + " bytes exceeds the remote limit of " + limit);
    }

    /** RFC 6531 §3.2. */
    public static SmtpReply needsSmtpUtf8() {
        return SmtpReply.local(553, "5.6.7", "the remote server does not support SMTPUTF8");
    }

    /** RFC 6152 §3. */
    public static SmtpReply needsEightBitMime() {
        return SmtpReply.local(554, "5.6.3", "8-bit content and the remote server lacks 8BITMIME");
    }

    /** RFC 5321 §6.3, RFC 3463 X.4.6 routing loop. */
    public static SmtpReply loop(int hops) {
        return SmtpReply.local(554, "5.4.6", "routing loop detected: " + hops + " Received fields");
    }

    // local delivery and local trouble (X.3.0, X.2.2, X.1.1)

    public static SmtpReply localError(String what) {
        return SmtpReply.local(451, "4.3.0", "local error: " + what);
    }

    public static SmtpReply deliveredLocally() {
        return SmtpReply.local(250, "2.0.0", "delivered locally");
    }

    public static SmtpReply noSuchLocalRecipient() {
        return SmtpReply.local(550, "5.1.1", "no such local recipient");
    }

    public static SmtpReply systemFull() {
        return SmtpReply.local(452, "4.3.1", "insufficient system storage");
    }

    public static SmtpReply mailboxFull() {
        return SmtpReply.local(452, "4.2.2", "mailbox full");
    }
}
