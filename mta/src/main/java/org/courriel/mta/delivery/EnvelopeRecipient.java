package org.courriel.mta.delivery;

import java.util.Set;

/**
 * One RCPT TO of an SMTP transaction with its DSN parameters (RFC 3461 §4.1, §4.2).
 *
 * @param address the forward-path, normal form ({@code local@domain}, domain lower case)
 * @param notifyOn NOTIFY values; empty when the client gave none (the default: failures only)
 * @param orcpt   ORCPT as given ({@code addr-type;xtext}), or null
 */
public record EnvelopeRecipient(String address, Set<Notify> notifyOn, String orcpt) {

    /** RFC 3461 §4.1 NOTIFY. */
    public enum Notify { NEVER, SUCCESS, FAILURE, DELAY }

    public static EnvelopeRecipient of(String address) {
        return new EnvelopeRecipient(address, Set.of(), null);
    }
}
