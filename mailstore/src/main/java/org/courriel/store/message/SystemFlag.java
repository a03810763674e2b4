package org.courriel.store.message;

import java.util.Locale;

/**
 * The system flags a message keeps (RFC 9051 §2.3.2). {@code \Recent} is not here: it belongs to an IMAP
 * session of rev1, not to the message.
 */
public enum SystemFlag {
    SEEN("\\Seen"),
    ANSWERED("\\Answered"),
    FLAGGED("\\Flagged"),
    DELETED("\\Deleted"),
    DRAFT("\\Draft");

    private final String imapName;

    SystemFlag(String imapName) {
        this.imapName = imapName;
    }

    public int bit() {
        return 1 << ordinal();
    }

    /** The flag's name as IMAP spells it, e.g. {@code \Seen}. */
    public String imapName() {
        return imapName;
    }

    /** The system flag of that IMAP name (any case), or null for a keyword or an unknown system flag. */
    public static SystemFlag fromImapName(String name) {
        for (SystemFlag f : values()) {
            if (f.imapName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }
}
