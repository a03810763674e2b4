package org.courriel.mta.smtp.session;

import java.time.Clock;
import java.util.function.BiPredicate;

import org.courriel.access.net.MemoryBudget;
import org.courriel.mta.smtp.policy.RecipientPolicy;

/**
 * What every session of one listener shares.
 *
 * @param ownership     (accountId, address) -> whether the account may use the address as envelope sender
 * @param contentBudget the message content all SMTP sessions of this node may hold at once (one for every listener)
 */
public record SmtpContext(ListenerKind kind, String hostname, SmtpProperties properties, RecipientPolicy recipients,
        BiPredicate<Long, String> ownership, Authenticator authenticator, MessageIntake intake, SmtpMetrics metrics,
        Clock clock, MemoryBudget contentBudget) {

    /** A context with a budget of its own, as {@code properties} size it (one listener alone, tests). */
    public SmtpContext(ListenerKind kind, String hostname, SmtpProperties properties, RecipientPolicy recipients,
            BiPredicate<Long, String> ownership, Authenticator authenticator, MessageIntake intake,
            SmtpMetrics metrics, Clock clock) {
        this(kind, hostname, properties, recipients, ownership, authenticator, intake, metrics, clock,
                contentBudget(properties));
    }

    /** The budget {@code properties} describe. */
    public static MemoryBudget contentBudget(SmtpProperties properties) {
        return new MemoryBudget(properties.maxContentInFlight().toBytes(), properties.contentBudgetWait());
    }
}
