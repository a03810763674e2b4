package org.courriel.mta.smtp.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.delivery.OutboundQueue;
import org.courriel.store.commit.StoreTransaction;
import org.courriel.store.content.MessageContent;

/** Stands in for the outbound queue in SMTP tests: remembers what was handed over for relay. */
public class RecordingOutboundQueue implements OutboundQueue {

    /** One hand-off. */
    public record Queued(MailEnvelope envelope, List<EnvelopeRecipient> recipients) {
    }

    private final List<Queued> queued = new CopyOnWriteArrayList<>();

    @Override
    public void enqueue(StoreTransaction tx, MessageContent content, MailEnvelope envelope,
            List<EnvelopeRecipient> remoteRecipients) {
        queued.add(new Queued(envelope, List.copyOf(remoteRecipients)));
    }

    public List<Queued> queued() {
        return queued;
    }
}
