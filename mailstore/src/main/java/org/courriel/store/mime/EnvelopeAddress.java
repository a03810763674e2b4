package org.courriel.store.mime;

/**
 * One address of an envelope, in the shape IMAP's ENVELOPE gives it (RFC 9051 §7.5.2):
 * display name, source route (obsolete, kept for rev1), mailbox (local part) and host.
 * A group start has only {@code mailbox} set (the group name, host null); a group end has all four null.
 * The display name is decoded from RFC 2047 encoded words (IMAP re-encodes it for sessions without UTF-8);
 * the other strings are as the header wrote them.
 */
public record EnvelopeAddress(String name, String route, String mailbox, String host) {

    public static EnvelopeAddress groupStart(String groupName) {
        return new EnvelopeAddress(null, null, groupName, null);
    }

    public static EnvelopeAddress groupEnd() {
        return new EnvelopeAddress(null, null, null, null);
    }

    /** {@code local@host} for a plain address, or null for group markers. */
    public String address() {
        if (mailbox == null || host == null) {
            return null;
        }
        return mailbox + "@" + host;
    }
}
