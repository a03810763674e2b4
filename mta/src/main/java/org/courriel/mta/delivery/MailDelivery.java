package org.courriel.mta.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.courriel.mta.queue.OutboundQueue;
import org.courriel.mta.sieve.SieveAfterDelivery;
import org.courriel.mta.sieve.SieveDisposition;
import org.courriel.mta.sieve.SieveFilter;
import org.courriel.mta.sieve.SieveRejectedException;
import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Recipient;
import org.courriel.store.account.RecipientResolver;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.content.MessageContent;
import org.courriel.store.message.AppendResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Accepts a message for good: stores it into the INBOX of every local recipient (aliases expanded) and
 * queues it for every remote one, in one group-commit transaction. When this returns the message is
 * durable, so the caller may say "accepted" (SMTP 250 after DATA, HTTP 202 after send).
 * <p>
 * Whether a remote recipient is allowed at all (relay policy) is the caller's decision, made before: this
 * class delivers what it is given.
 */
@Service
public class MailDelivery {

    private final RecipientResolver resolver;
    private final SieveFilter sieve;
    private final SieveAfterDelivery afterSieve;
    private final GroupCommitter committer;
    private final ObjectProvider<OutboundQueue> queue;
    private final int maxSummaryField;

    public MailDelivery(RecipientResolver resolver, SieveFilter sieve, SieveAfterDelivery afterSieve,
            GroupCommitter committer, ObjectProvider<OutboundQueue> queue, StoreProperties storeProperties) {
        this.resolver = resolver;
        this.sieve = sieve;
        this.afterSieve = afterSieve;
        this.committer = committer;
        this.queue = queue;
        this.maxSummaryField = storeProperties.summaryFieldLimit();
    }

    /**
     * Delivers {@code message} (trace headers already added) to the envelope's recipients.
     *
     * @throws StoreException UNAVAILABLE when nothing could be committed (reply 451 4.3.0); nothing is kept
     */
    public DeliveryResult deliver(MailEnvelope envelope, byte[] message) {
        List<SieveDisposition> local = new ArrayList<>();
        List<EnvelopeRecipient> remote = new ArrayList<>();
        for (EnvelopeRecipient rcpt : envelope.recipients()) {
            switch (resolver.resolve(rcpt.address())) {
                case Recipient.Local l -> {
                    // Sieve hook: the account's script says which mailboxes, which flags, which extra actions.
                    for (AccountInfo account : l.accounts()) {
                        local.add(sieve.decide(account, rcpt, envelope, message));
                    }
                    l.forwards().forEach(f -> remote.add(new EnvelopeRecipient(f, rcpt.notifyOn(), rcpt.orcpt())));
                }
                case Recipient.Remote r -> remote.add(rcpt);
                // Accepted at RCPT, gone now (account deleted meanwhile): a temporary failure, so the client
                // tries again and hears 550 for that recipient alone at RCPT.
                case Recipient.Unknown u -> throw new StoreException(StoreException.Reason.UNAVAILABLE,
                        "recipient " + u.address() + " changed during the transaction");
            }
        }
        // RFC 5429 §2.1: a reject by the only recipient is refused in the SMTP dialogue.
        if (envelope.recipients().size() == 1 && remote.isEmpty() && !local.isEmpty()
                && local.stream().allMatch(d -> d.reject() != null)) {
            throw new SieveRejectedException(local.getFirst().recipient());
        }
        boolean redirects = local.stream().anyMatch(d -> !d.redirects().isEmpty());
        OutboundQueue outbound = remote.isEmpty() && !redirects ? null : queue.getIfAvailable();
        if ((!remote.isEmpty() || redirects) && outbound == null) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "no outbound queue to relay with");
        }
        MessageContent content = MessageContent.of(message, maxSummaryField);
        Instant now = Instant.now();
        Set<Long> plain = new LinkedHashSet<>();
        List<SieveDisposition.Target> flagged = new ArrayList<>();
        for (SieveDisposition d : local) {
            for (SieveDisposition.Target t : d.targets()) {
                if (t.flags().system() == 0 && t.flags().keywords().isEmpty()) {
                    plain.add(t.mailboxId());
                } else {
                    flagged.add(t);
                }
            }
        }
        DeliveryResult result = committer.execute(tx -> {
            List<AppendResult> stored = new ArrayList<>(tx.deliver(content, List.copyOf(plain), now));
            for (SieveDisposition.Target t : flagged) {
                stored.add(tx.append(t.mailboxId(), content, t.flags(), now));
            }
            if (outbound != null) {
                if (!remote.isEmpty()) {
                    outbound.enqueue(tx, content, envelope, remote);
                }
                for (SieveDisposition d : local) {
                    for (SieveDisposition.Redirect r : d.redirects()) {
                        outbound.enqueue(tx, MessageContent.of(r.message(), maxSummaryField), r.envelope(),
                                r.envelope().recipients());
                    }
                }
            }
            return new DeliveryResult(List.copyOf(stored), List.copyOf(remote));
        });
        afterSieve.run(local, envelope, message);
        return result;
    }
}
