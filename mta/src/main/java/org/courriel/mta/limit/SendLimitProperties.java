package org.courriel.mta.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Most mail an authenticated sender may send in the last hour ({@code courriel.limits.send.*}), on submission and
 * through the REST API alike. 0 turns a limit off. The defaults suit a small organisation: far above what a person
 * sends, far below what a spammer with a stolen password would.
 *
 * @param accountMessages   messages per account
 * @param accountRecipients recipients per account (a message to 10 people counts 10)
 * @param domainMessages    messages per sending domain, all its accounts together
 * @param domainRecipients  recipients per sending domain
 */
@ConfigurationProperties("courriel.limits.send")
public record SendLimitProperties(
        @DefaultValue("200") long accountMessages,
        @DefaultValue("1000") long accountRecipients,
        @DefaultValue("2000") long domainMessages,
        @DefaultValue("10000") long domainRecipients) {

    public SendLimitProperties {
        if (accountMessages < 0 || accountRecipients < 0 || domainMessages < 0 || domainRecipients < 0) {
            throw new IllegalArgumentException("courriel.limits.send values must be 0 (off) or positive");
        }
    }
}
