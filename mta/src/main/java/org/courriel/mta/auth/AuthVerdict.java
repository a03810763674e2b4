package org.courriel.mta.auth;

/**
 * What the end-of-DATA checks decided for one message.
 *
 * @param header  the Authentication-Results field to add (with its CRLF)
 * @param content the message without Authentication-Results fields that claim our authserv-id (RFC 8601 §5)
 * @param reason  for logs and the reply: which domain's policy, what failed
 * @param dmarcPass every From domain passed DMARC: the sender is who it claims to be (greylisting exempts it)
 */
public record AuthVerdict(Action action, String header, byte[] content, String reason, boolean dmarcPass) {

    public enum Action {
        /** To the recipients' INBOX. */
        DELIVER,
        /** To the recipients' Junk folder (DMARC quarantine). */
        JUNK,
        /** 550 5.7.1 (DMARC reject). */
        REJECT,
        /** 451 4.4.3: a DNS failure left the verdict open (RFC 7489 §6.6.3). */
        DEFER
    }
}
