package org.courriel.store.message;

/** What a scan of a mailbox reads besides UID, MODSEQ, flags, internal date and size. */
public enum MessageFields {
    /** Nothing more: enough for FLAGS, UID, RFC822.SIZE, INTERNALDATE, MODSEQ. */
    BASIC,
    /** Also the summary (ENVELOPE, BODYSTRUCTURE). */
    SUMMARY,
    /** Also the raw header section (HEADER.FIELDS, first sync of clients). */
    HEADER,
    /** Summary and header. */
    SUMMARY_AND_HEADER;

    boolean summary() {
        return this == SUMMARY || this == SUMMARY_AND_HEADER;
    }

    boolean header() {
        return this == HEADER || this == SUMMARY_AND_HEADER;
    }
}
