package org.courriel.mta.limit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courriel.store.limit.SendAdmission;
import org.courriel.store.limit.SendCounters;
import org.courriel.store.limit.SendLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts each message an authenticated account sends against its account's and its domain's hourly limits, and
 * refuses the one that would exceed either (issue #12: a compromised account is throttled before the blocklists
 * list the server). Refusals are logged with the account and counted in
 * {@code courriel_send_limited_total{scope}}.
 */
@Service
@EnableConfigurationProperties(SendLimitProperties.class)
public class SendLimiter {

    private static final Logger log = LoggerFactory.getLogger(SendLimiter.class);

    /** The sender scopes counted, also the names of {@code courriel_send_limited_total}'s scope tag. */
    public static final String ACCOUNT = "account";
    public static final String DOMAIN = "domain";

    private final SendCounters counters;
    private final SendLimitProperties limits;
    private final MeterRegistry meters;

    public SendLimiter(SendCounters counters, SendLimitProperties limits, MeterRegistry meters) {
        this.counters = counters;
        this.limits = limits;
        this.meters = meters;
    }

    /**
     * Counts one message from {@code account} (its address, normal form) to {@code recipients} recipients, or
     * refuses it.
     */
    public SendAdmission admit(String account, int recipients) {
        List<SendLimit> applicable = new ArrayList<>(2);
        if (limits.accountMessages() > 0 || limits.accountRecipients() > 0) {
            applicable.add(new SendLimit(ACCOUNT, account, limits.accountMessages(), limits.accountRecipients()));
        }
        String domain = account.substring(account.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (limits.domainMessages() > 0 || limits.domainRecipients() > 0) {
            applicable.add(new SendLimit(DOMAIN, domain, limits.domainMessages(), limits.domainRecipients()));
        }
        if (applicable.isEmpty()) {
            return new SendAdmission.Admitted();
        }
        SendAdmission admission = counters.admit(applicable, recipients);
        if (admission instanceof SendAdmission.Refused refused) {
            log.warn("Send limit reached: {} {} has sent {} messages to {} recipients in the last hour "
                    + "(limits {} and {}); a message from {} to {} recipients refused", refused.limit().scope(),
                    refused.limit().subject(), refused.usage().messages(), refused.usage().recipients(),
                    refused.limit().messagesPerHour(), refused.limit().recipientsPerHour(), account, recipients);
            Counter.builder("courriel.send.limited").description("Messages refused by an hourly send limit")
                    .tag("scope", refused.limit().scope()).register(meters).increment();
        }
        return admission;
    }

    /** The text a refused sender sees, after {@code 451 4.7.1}. */
    public static String refusalText(SendAdmission.Refused refused) {
        return "Hourly sending limit of " + refused.limit().scope() + " " + refused.limit().subject()
                + " reached, try again later";
    }
}
