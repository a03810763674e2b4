package org.courriel.sieve;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** What a script asks for one message; the delivery code carries it out. */
public sealed interface SieveAction {

    /** File into INBOX (explicit keep, or the implicit keep of RFC 5228 §2.10.2) with these flags. */
    record Keep(Set<String> flags) implements SieveAction {
    }

    /** RFC 5228 §4.1; {@code create}: make the mailbox when it does not exist (RFC 5490 §3.2). */
    record FileInto(String mailbox, Set<String> flags, boolean create) implements SieveAction {
    }

    /** RFC 5228 §4.2. */
    record Redirect(String address) implements SieveAction {
    }

    /** RFC 5429; {@code extended}: ereject, refuse in the SMTP dialogue where possible. */
    record Reject(String reason, boolean extended) implements SieveAction {
    }

    /**
     * RFC 7352 §3: remember that this message's identifier was seen, once the delivery commits. Not an action
     * of RFC 5228 §2.10 (not counted), but work for the delivery code.
     *
     * @param key    a digest of the handle and the identifier
     * @param period :seconds, or null for the site's default; not yet bounded by the site's maximum
     * @param last   :last, the period runs from the latest occurrence instead of the first (§3.4)
     */
    record TrackDuplicate(String key, Duration period, boolean last) implements SieveAction {
    }

    /**
     * RFC 5230 §4 (with RFC 6131's :seconds).
     *
     * @param subject   :subject, or null for "Auto: " and the original subject
     * @param from      :from, or null for the recipient's address
     * @param addresses :addresses, the user's other addresses
     * @param period    :days or :seconds, not yet bounded by the site's minimum and maximum
     * @param handle    :handle, or null (then the reason and subject identify the response, §4.2)
     * @param mime      :mime, the reason is a MIME entity with its own header
     */
    record Vacation(String reason, String subject, String from, List<String> addresses, Duration period,
            String handle, boolean mime) implements SieveAction {
    }
}
