package org.courriel.store.search;

import java.time.LocalDate;

/**
 * The filters of a {@link MessageQuery}; a null (or empty) filter lets every message through. Text filters
 * match substrings without regard to case.
 *
 * @param from          substring of the From header
 * @param to            substring of the To header
 * @param subject       substring of the decoded subject
 * @param text          substring of the header or of the decoded text parts
 * @param since         messages dated on or after this day (UTC)
 * @param before        messages dated before this day (UTC)
 * @param seen          with (true) or without (false) \Seen
 * @param flagged       with or without \Flagged
 * @param hasAttachment with or without an attachment
 */
public record MessageFilter(String from, String to, String subject, String text, LocalDate since, LocalDate before,
        Boolean seen, Boolean flagged, Boolean hasAttachment) {

    /** Every message. */
    public static final MessageFilter NONE = new MessageFilter(null, null, null, null, null, null, null, null, null);

    /** Whether filters that need the header or the body are present (decided by {@link MessageSearch}). */
    public boolean needsSearch() {
        return present(from) || present(to) || present(text);
    }

    static boolean present(String s) {
        return s != null && !s.isEmpty();
    }
}
