package org.courriel.store.sort;

import java.time.Instant;
import java.util.List;

/**
 * One searched message as the threading algorithms see it (RFC 5256 §3).
 *
 * @param uid            the message, which also gives the mailbox order (the sequence-number tie-breaker)
 * @param sentDate       the sent date of §2.2 (the internal date when the Date field is missing or unreadable)
 * @param baseSubject    the collated base subject (§2.1, {@link UnicodeCasemap}); empty when none
 * @param replyOrForward whether the original subject marks a reply or forward
 * @param messageId      the normalised Message-ID ({@link MessageIds}), or null
 * @param references     the normalised references ({@link ThreadFields}), oldest first
 */
public record ThreadMessage(long uid, Instant sentDate, String baseSubject, boolean replyOrForward, String messageId,
        List<String> references) {
}
