package org.courriel.store.section;

/**
 * A part's Content-Transfer-Encoding is one the server cannot decode (RFC 3516 §4.3, RFC 9051 §6.4.5:
 * IMAP answers {@code NO [UNKNOWN-CTE]}; REST answers with a problem saying the part cannot be decoded).
 * It is an expected refusal, not a bug.
 */
public class UnknownTransferEncodingException extends Exception {

    private final String encoding;

    public UnknownTransferEncodingException(String encoding) {
        super("unknown Content-Transfer-Encoding: " + encoding);
        this.encoding = encoding;
    }

    /** The encoding as the part's header names it. */
    public String encoding() {
        return encoding;
    }
}
