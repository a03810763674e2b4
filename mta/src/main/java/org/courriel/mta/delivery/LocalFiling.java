package org.courriel.mta.delivery;

import java.util.List;

import org.courriel.store.account.AccountInfo;

/**
 * Where a local recipient's copy goes and what follows it: the recipient's Sieve script
 * ({@link org.courriel.mta.sieve.SieveFilter}), asked by {@link MailDelivery} for each local account. An
 * interface of this package so that delivery knows nothing of Sieve and Sieve may use delivery's types.
 */
public interface LocalFiling {

    /** The mailboxes, flags and redirects for {@code account}'s copy; INBOX when it has no script. Never throws. */
    SieveDisposition decide(AccountInfo account, EnvelopeRecipient rcpt, MailEnvelope envelope, byte[] message);

    /** After the copies are committed: what the scripts asked to do then (vacation responses). Never throws. */
    void afterCommit(List<SieveDisposition> dispositions, MailEnvelope envelope, byte[] message);
}
