package org.courriel.mta.smtp.session;

import java.time.Clock;
import java.util.function.BiPredicate;

import org.courriel.mta.smtp.ListenerKind;
import org.courriel.mta.smtp.SmtpMetrics;
import org.courriel.mta.smtp.SmtpProperties;
import org.courriel.mta.smtp.policy.RecipientPolicy;

/**
 * What every session of one listener shares.
 *
 * @param ownership (accountId, address) -> whether the account may use the address as envelope sender
 */
public record SmtpContext(ListenerKind kind, String hostname, SmtpProperties properties, RecipientPolicy recipients,
        BiPredicate<Long, String> ownership, Authenticator authenticator, MessageIntake intake, SmtpMetrics metrics,
        Clock clock) {
}
