package org.courriel.mta.smtp.syntax;

/**
 * A reverse-path or forward-path (RFC 5321 §4.1.2) as the client wrote it, with what the relay policy
 * needs to know about its form.
 *
 * @param mailbox     {@code local@domain} without brackets and without source route; "" for the null path
 *                    {@code <>}; a bare {@code postmaster} (RFC 5321 §4.1.1.3) has no domain
 * @param sourceRoute the path carried an {@code @a,@b:} route (RFC 5321 §4.1.2, Appendix C)
 * @param quotedLocal the local part was a quoted-string
 * @param addressLiteral the domain was an address literal such as {@code [192.0.2.1]}
 */
public record Path(String mailbox, boolean sourceRoute, boolean quotedLocal, boolean addressLiteral) {

    public boolean isNull() {
        return mailbox.isEmpty();
    }

    public String localPart() {
        int at = mailbox.lastIndexOf('@');
        return at < 0 ? mailbox : mailbox.substring(0, at);
    }

    public String domain() {
        int at = mailbox.lastIndexOf('@');
        return at < 0 ? "" : mailbox.substring(at + 1);
    }

    /** Non-ASCII characters, which need SMTPUTF8 (RFC 6531 §3.2). */
    public boolean isAscii() {
        return mailbox.chars().allMatch(c -> c < 0x80);
    }
}
