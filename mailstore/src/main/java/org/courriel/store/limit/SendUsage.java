package org.courriel.store.limit;

/**
 * What a counter holds now: the estimate over the last hour of messages and recipients sent.
 *
 * @param scope      {@code account} or {@code domain}
 * @param subject    the account's address or the domain's name
 * @param messages   messages sent in the last hour (estimated, see {@link SendCounters})
 * @param recipients recipients in the last hour (estimated)
 */
public record SendUsage(String scope, String subject, long messages, long recipients) {
}
