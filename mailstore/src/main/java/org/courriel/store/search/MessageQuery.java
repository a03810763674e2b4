package org.courriel.store.search;

import java.util.Locale;

/**
 * One page of one mailbox's messages, filtered and sorted: what a webmail listing asks of the store.
 * Answered by {@link MessageListing}.
 *
 * @param mailboxId  the mailbox, resolved for the caller's account
 * @param filter     which messages; {@link MessageFilter#NONE} for all
 * @param sort       the sort key; ties go by UID in the same direction
 * @param descending largest first
 * @param page       page number, from 0
 * @param size       messages per page, at least 1
 */
public record MessageQuery(long mailboxId, MessageFilter filter, Sort sort, boolean descending, int page, int size) {

    public MessageQuery {
        if (filter == null || sort == null) {
            throw new IllegalArgumentException("filter and sort are required");
        }
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more");
        }
    }

    /** The first message of the page, counted from 0 over the whole listing. */
    public long offset() {
        return (long) page * size;
    }

    /**
     * What a listing sorts by: the sort keys of RFC 5256 §3 and RFC 5957 §4, over the values the store keeps
     * (strings in i;unicode-casemap order, RFC 5051; an absent field sorts first).
     */
    public enum Sort {
        /** The Date header in UTC, or the arrival time when it has none or it cannot be read (RFC 5256 §2.2). */
        DATE,
        /** The addr-mailbox (local part) of the first From address (RFC 5256 §3 FROM). */
        FROM,
        /** The base subject (RFC 5256 §2.1). */
        SUBJECT,
        /** The size in bytes (RFC822.SIZE). */
        SIZE,
        /** The arrival time (IMAP's internal date). */
        ARRIVAL,
        /** The addr-mailbox of the first To address (RFC 5256 §3 TO). */
        TO,
        /** The addr-mailbox of the first Cc address (RFC 5256 §3 CC). */
        CC,
        /** The display name of the first From address, else its address (RFC 5957 §4 DISPLAYFROM). */
        DISPLAYFROM,
        /** The display name of the first To address, else its address (RFC 5957 §4 DISPLAYTO). */
        DISPLAYTO;

        /** The key of this name, any case; IllegalArgumentException for an unknown one. */
        public static Sort of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
