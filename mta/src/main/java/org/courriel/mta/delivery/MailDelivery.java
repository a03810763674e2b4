package org.courriel.mta.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.courriel.mta.maillog.MailLog;
import org.courriel.mta.maillog.MailOrigin;
import org.courriel.mta.queue.OutboundQueue;
import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Recipient;
import org.courriel.store.account.RecipientResolver;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.content.MessageContent;
import org.courriel.store.mailbox.MailboxService;
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
    private final MailboxService mailboxes;
    private final GroupCommitter committer;
    private final ObjectProvider<OutboundQueue> queue;
    private final int maxSummaryField;

    public MailDelivery(RecipientResolver resolver, MailboxService mailboxes, GroupCommitter committer,
            ObjectProvider<OutboundQueue> queue, StoreProperties storeProperties) {
        this.resolver = resolver;
        this.mailboxes = mailboxes;
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
        return deliver(envelope, message, MailOrigin.internal("local"));
    }

    /**
     * Delivers as {@link #deliver(MailEnvelope, byte[])} under a new queue id, and writes the message's lines of
     * the mail log once it is committed: where it came from, each local copy, each recipient queued.
     */
    public DeliveryResult deliver(MailEnvelope envelope, byte[] message, MailOrigin origin) {
        String queueId = MailLog.newQueueId();
        Set<Long> inboxes = new LinkedHashSet<>();
        List<String[]> localCopies = new ArrayList<>(); // account, original recipient (null: the same)
        List<EnvelopeRecipient> remote = new ArrayList<>();
        for (EnvelopeRecipient rcpt : envelope.recipients()) {
            switch (resolver.resolve(rcpt.address())) {
                case Recipient.Local local -> {
                    for (AccountInfo account : local.accounts()) {
                        if (inboxes.add(mailboxes.inboxId(account.id()))) {
                            localCopies.add(new String[] {account.address(),
                                account.address().equalsIgnoreCase(rcpt.address()) ? null : rcpt.address()});
                        }
                    }
                    local.forwards().forEach(f -> remote.add(new EnvelopeRecipient(f, rcpt.notifyOn(), rcpt.orcpt())));
                }
                case Recipient.Remote r -> remote.add(rcpt);
                // Accepted at RCPT, gone now (account deleted meanwhile): a temporary failure, so the client
                // tries again and hears 550 for that recipient alone at RCPT.
                case Recipient.Unknown u -> throw new StoreException(StoreException.Reason.UNAVAILABLE,
                        "recipient " + u.address() + " changed during the transaction");
            }
        }
        OutboundQueue outbound = remote.isEmpty() ? null : queue.getIfAvailable();
        if (!remote.isEmpty() && outbound == null) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "no outbound queue to relay with");
        }
        MessageContent content = MessageContent.of(message, maxSummaryField);
        Instant now = Instant.now();
        DeliveryResult result = committer.execute(tx -> {
            var stored = tx.deliver(content, List.copyOf(inboxes), now);
            if (outbound != null) {
                outbound.enqueue(tx, content, envelope, remote, queueId);
            }
            return new DeliveryResult(stored, List.copyOf(remote), queueId);
        });
        MailLog.received(queueId, envelope.reversePath(), message, envelope.recipients().size(), origin);
        localCopies.forEach(copy -> MailLog.delivered(queueId, copy[0], copy[1], "INBOX"));
        remote.forEach(r -> MailLog.queued(queueId, r.address()));
        return result;
    }
}
