package org.courriel.store.limit;

/**
 * One counter and its limits: the messages and recipients a sender may have sent in the last hour.
 *
 * @param scope             what is counted: {@code account} or {@code domain}
 * @param subject           the account's address or the domain's name, normal form
 * @param messagesPerHour   most messages in the last hour; 0: no limit
 * @param recipientsPerHour most recipients in the last hour; 0: no limit
 */
public record SendLimit(String scope, String subject, long messagesPerHour, long recipientsPerHour) {

    public SendLimit {
        if (scope.isEmpty() || scope.length() > 16 || subject.isEmpty() || subject.length() > 320
                || messagesPerHour < 0 || recipientsPerHour < 0) {
            throw new IllegalArgumentException("bad send limit " + scope + " " + subject);
        }
    }
}
