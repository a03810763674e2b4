package org.courriel.mta.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.courriel.mta.maillog.MailLog;
import org.courriel.mta.maillog.MailOrigin;
import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Recipient;
import org.courriel.store.account.RecipientResolver;
import org.courriel.store.content.MessageContent;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Accepts a message for good: stores it for every local recipient (aliases expanded) where the recipient's
 * Sieve script files it (INBOX when there is none), and queues it for every remote one and every redirect, in
 * one group-commit transaction ({@link MessageService#deliver} with the queue's rows as its same-transaction
 * hook). When this returns the message is durable, so the caller may say "accepted" (SMTP 250 after DATA,
 * HTTP 202 after send). What the scripts do after the commit (vacation replies) runs then.
 * <p>
 * Whether a remote recipient is allowed at all (relay policy) is the caller's decision, made before: this
 * class delivers what it is given.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private static final Flags JUNK_KEYWORD = Flags.fromNames(List.of("$Junk"));

    private final RecipientResolver resolver;
    private final MailboxService mailboxes;
    private final MessageService messages;
    private final LocalFiling filing;
    private final ObjectProvider<OutboundQueue> queue;
    private final ForwardingAddress forwarding;
    private final ForwardSealing sealing;
    private final int maxSummaryField;

    public MailDelivery(RecipientResolver resolver, MailboxService mailboxes, MessageService messages,
            ObjectProvider<LocalFiling> filing, ObjectProvider<OutboundQueue> queue,
            ObjectProvider<ForwardingAddress> forwarding, ObjectProvider<ForwardSealing> sealing,
            StoreProperties storeProperties) {
        this.resolver = resolver;
        this.mailboxes = mailboxes;
        this.messages = messages;
        // Without Sieve (an application that leaves it out), every copy goes to INBOX.
        this.filing = filing.getIfAvailable(() -> new LocalFiling() {
            @Override
            public SieveDisposition decide(AccountInfo account, EnvelopeRecipient rcpt, MailEnvelope envelope,
                    byte[] message) {
                return SieveDisposition.inbox(account, rcpt.address(), mailboxes.inboxId(account.id()));
            }

            @Override
            public void afterCommit(List<SieveDisposition> dispositions, MailEnvelope envelope, byte[] message) {
            }
        });
        this.queue = queue;
        this.forwarding = forwarding.getIfAvailable(() -> ForwardingAddress.KEEP);
        this.sealing = sealing.getIfAvailable(() -> ForwardSealing.NONE);
        this.maxSummaryField = storeProperties.summaryFieldLimit();
    }

    /**
     * Delivers {@code message} (trace headers already added) to the envelope's recipients.
     *
     * @throws StoreException UNAVAILABLE when nothing could be committed (reply 451 4.3.0); nothing is kept
     * @throws SieveRejectedException when the only recipient's script rejects it (RFC 5429 §2.1)
     */
    public DeliveryResult deliver(MailEnvelope envelope, byte[] message) {
        return deliver(envelope, message, MailOrigin.internal("local"), false);
    }

    /** As {@link #deliver(MailEnvelope, byte[])}, saying in the mail log where the message came from. */
    public DeliveryResult deliver(MailEnvelope envelope, byte[] message, MailOrigin origin) {
        return deliver(envelope, message, origin, false);
    }

    /**
     * The delivery itself, under a new queue id; once it is committed the message's lines of the mail log are
     * written: where it came from, each local copy, each recipient queued. With {@code junk}, the local copies go
     * to each account's Junk folder (RFC 6154 {@code \Junk}, created when missing) instead of where Sieve would
     * file them: DMARC quarantine (RFC 7489 §6.3) and spam. A quarantined message runs no script, so it never
     * causes a vacation reply or a redirect to a forged sender.
     */
    public DeliveryResult deliver(MailEnvelope envelope, byte[] message, MailOrigin origin, boolean junk) {
        String queueId = MailLog.newQueueId();
        List<LocalFiling.Copy> localCopies = new ArrayList<>();
        List<EnvelopeRecipient> remote = new ArrayList<>();
        List<EnvelopeRecipient> forwarded = new ArrayList<>();
        for (EnvelopeRecipient given : envelope.recipients()) {
            EnvelopeRecipient rcpt = returned(given);
            switch (resolver.resolve(rcpt.address())) {
                case Recipient.Local l -> {
                    l.accounts().forEach(account -> localCopies.add(new LocalFiling.Copy(account, rcpt)));
                    l.forwards().forEach(f -> forwarded.add(new EnvelopeRecipient(f, rcpt.notifyOn(), rcpt.orcpt())));
                }
                case Recipient.Remote r -> remote.add(rcpt);
                // Accepted at RCPT, gone now (account deleted meanwhile): a temporary failure, so the client
                // tries again and hears 550 for that recipient alone at RCPT.
                case Recipient.Unknown u -> throw new StoreException(StoreException.Reason.UNAVAILABLE,
                        "recipient " + u.address() + " changed during the transaction");
            }
        }
        // Sieve hook: each account's script says which mailboxes, which flags, which extra actions; asked once for
        // all the message's copies, so that the scripts are looked up once per message, not once per recipient.
        List<SieveDisposition> local = junk ? localCopies.stream().map(c -> junk(c.account(), c.rcpt())).toList()
                : filing.decide(localCopies, envelope, message);
        // RFC 5429 §2.1: a reject by the only recipient is refused in the SMTP dialogue.
        if (envelope.recipients().size() == 1 && remote.isEmpty() && forwarded.isEmpty() && !local.isEmpty()
                && local.stream().allMatch(d -> d.reject() != null)) {
            throw new SieveRejectedException(local.getFirst().recipient());
        }
        boolean redirects = local.stream().anyMatch(d -> !d.redirects().isEmpty());
        boolean leaves = !remote.isEmpty() || !forwarded.isEmpty() || redirects;
        OutboundQueue outbound = leaves ? queue.getIfAvailable() : null;
        if (leaves && outbound == null) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "no outbound queue to relay with");
        }
        // An alias to an external address forwards: the copy goes out with a rewritten reverse-path (SRS).
        MailEnvelope forwardedEnvelope = forwarded.isEmpty() ? null : forwardingEnvelope(envelope);
        MessageContent content = MessageContent.of(message, maxSummaryField);
        // The forwarder's ARC set on the forwarded copy (RFC 8617 §5.1), so the target keeps our verdict.
        byte[] sealed = forwarded.isEmpty() ? message : sealing.seal(message, envelope, origin);
        MessageContent forwardedContent = sealed == message ? content : MessageContent.of(sealed, maxSummaryField);
        // One copy per mailbox however many recipients reach it (an alias and the address itself), with the
        // union of the flags they ask for.
        Map<Long, Flags> copies = new LinkedHashMap<>();
        for (SieveDisposition d : local) {
            for (SieveDisposition.Target t : d.targets()) {
                copies.merge(t.mailboxId(), t.flags(), Flags::with);
            }
        }
        Set<Long> plain = new LinkedHashSet<>();
        List<MessageService.Placement> flagged = new ArrayList<>();
        copies.forEach((mailboxId, flags) -> {
            if (flags.system() == 0 && flags.keywords().isEmpty()) {
                plain.add(mailboxId);
            } else {
                flagged.add(new MessageService.Placement(mailboxId, flags));
            }
        });
        List<AppendResult> stored = messages.deliver(content, List.copyOf(plain), flagged, Instant.now(), tx -> {
            if (outbound == null) {
                return;
            }
            if (!remote.isEmpty()) {
                outbound.enqueue(tx, content, envelope, remote, queueId, origin.senderVerified());
            }
            if (forwardedEnvelope != null) {
                // a failed forward's notice goes back through SRS to the original sender: only a verified one
                outbound.enqueue(tx, forwardedContent, forwardedEnvelope, forwarded, queueId, origin.senderVerified());
            }
            for (SieveDisposition d : local) {
                for (SieveDisposition.Redirect r : d.redirects()) {
                    outbound.enqueue(tx, MessageContent.of(r.message(), maxSummaryField), r.envelope(),
                            r.envelope().recipients(), MailLog.newQueueId(), origin.senderVerified());
                }
            }
        });
        // Committed: from here on nothing may fail the delivery, or the sender would send it again.
        try {
            MailLog.received(queueId, envelope.reversePath(), message, envelope.recipients().size(), origin);
            for (SieveDisposition d : local) {
                String original = d.account().address().equalsIgnoreCase(d.recipient()) ? null : d.recipient();
                for (SieveDisposition.Target t : d.targets()) {
                    MailLog.delivered(queueId, d.account().address(), original, mailboxName(d.account(), t.mailboxId()));
                }
            }
            remote.forEach(r -> MailLog.queued(queueId, r.address()));
            forwarded.forEach(r -> MailLog.queued(queueId, r.address()));
        } catch (RuntimeException e) {
            log.warn("Mail log lines of {} incomplete: {}", queueId, e.toString());
        }
        // No backscatter (issue 12): a Sieve reject of a sender that may be forged sends it no notification.
        filing.afterCommit(origin.senderVerified() ? local : local.stream().map(SieveDisposition::withoutReject).toList(),
                envelope, message); // never throws (LocalFiling)
        List<EnvelopeRecipient> leaving = new ArrayList<>(remote);
        leaving.addAll(forwarded);
        return new DeliveryResult(stored, List.copyOf(leaving), queueId);
    }

    /**
     * A recipient that is a forwarded copy's rewritten reverse-path (a notification the queue sends to it, or
     * a bounce accepted at RCPT) stands for the original sender.
     */
    private EnvelopeRecipient returned(EnvelopeRecipient rcpt) {
        if (forwarding.returning(rcpt.address()) instanceof ForwardingAddress.Return.Original o) {
            return new EnvelopeRecipient(o.address(), rcpt.notifyOn(), rcpt.orcpt());
        }
        return rcpt;
    }

    private MailEnvelope forwardingEnvelope(MailEnvelope envelope) {
        String forwarder = envelope.recipients().getFirst().address();
        return new MailEnvelope(forwarding.reversePath(envelope.reversePath(), forwarder), envelope.recipients(),
                envelope.ret(), envelope.envId(), envelope.smtpUtf8(), envelope.eightBit());
    }

    /** The account's Junk folder with the {@code $Junk} keyword (RFC 5788 registry), as Thunderbird reads it. */
    private SieveDisposition junk(AccountInfo account, EnvelopeRecipient rcpt) {
        return new SieveDisposition(account, rcpt.address(), List.of(new SieveDisposition.Target(
                JunkFolder.id(mailboxes, account.id()), JUNK_KEYWORD)), List.of(), null, null);
    }

    /** For the mail log: INBOX without a query (its id is cached), any other mailbox by name. */
    private String mailboxName(AccountInfo account, long mailboxId) {
        if (mailboxId == mailboxes.inboxId(account.id())) {
            return "INBOX";
        }
        return mailboxes.find(account.id(), mailboxId).map(MailboxInfo::name).orElse("#" + mailboxId);
    }
}
