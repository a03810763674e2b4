package org.courriel.mta.delivery;

import java.util.List;

import org.courriel.store.account.AccountInfo;

/**
 * Where a local recipient's copy goes and what follows it: the recipient's Sieve script
 * ({@link org.courriel.mta.sieve.SieveFilter}), asked by {@link MailDelivery} for each local account. An
 * interface of this package so that delivery knows nothing of Sieve and Sieve may use delivery's types.
 */
public interface LocalFiling {

    /** One local account's copy of a message, and the envelope recipient that led to it (an alias, a subaddress). */
    record Copy(AccountInfo account, EnvelopeRecipient rcpt) {
    }

    /** The mailboxes, flags and redirects for {@code account}'s copy; INBOX when it has no script. Never throws. */
    SieveDisposition decide(AccountInfo account, EnvelopeRecipient rcpt, MailEnvelope envelope, byte[] message);

    /**
     * {@link #decide(AccountInfo, EnvelopeRecipient, MailEnvelope, byte[])} for every local copy of one message,
     * in the order given; an implementation may look up what every account needs at once. Never throws.
     */
    default List<SieveDisposition> decide(List<Copy> copies, MailEnvelope envelope, byte[] message) {
        return copies.stream().map(c -> decide(c.account(), c.rcpt(), envelope, message)).toList();
    }

    /** After the copies are committed: what the scripts asked to do then (vacation responses). Never throws. */
    void afterCommit(List<SieveDisposition> dispositions, MailEnvelope envelope, byte[] message);
}
