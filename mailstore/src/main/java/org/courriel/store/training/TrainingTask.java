package org.courriel.store.training;

/**
 * One claimed classification to send to the filter.
 *
 * @param id        the outbox row
 * @param claimedBy the claim token that holds it
 * @param account   the account's address, for per-user statistics; null when the account was deleted meanwhile
 * @param contentId the message's content, referenced by the row until it is sent or dropped
 * @param verdict   spam or ham
 * @param attempts  attempts made before this one
 */
public record TrainingTask(long id, String claimedBy, String account, long contentId, TrainingVerdict verdict,
        int attempts) {
}
