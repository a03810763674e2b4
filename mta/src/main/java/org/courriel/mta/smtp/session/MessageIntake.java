package org.courriel.mta.smtp.session;

import java.time.ZonedDateTime;
import java.util.List;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.maillog.MailOrigin;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.reply.StoreReplies;
import org.courriel.mta.smtp.trace.SubmissionHeaders;
import org.courriel.mta.smtp.trace.TraceHeaders;
import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a transaction: adds the trace fields (and, on submission, a missing Date and Message-ID), then
 * hands the message to {@link MailDelivery}, which commits every copy before the client hears 250.
 */
public class MessageIntake {

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    /** Commits a message for its envelope; {@link MailDelivery#deliver} in the server. */
    @FunctionalInterface
    public interface Delivery {
        void deliver(MailEnvelope envelope, byte[] message);

        /** With where the message came from, for the mail log. */
        default void deliver(MailEnvelope envelope, byte[] message, MailOrigin origin) {
            deliver(envelope, message);
        }

        /** {@link MailDelivery}, with the origin of each message. */
        static Delivery of(MailDelivery delivery) {
            return new Delivery() {
                @Override
                public void deliver(MailEnvelope envelope, byte[] message) {
                    delivery.deliver(envelope, message);
                }

                @Override
                public void deliver(MailEnvelope envelope, byte[] message, MailOrigin origin) {
                    delivery.deliver(envelope, message, origin);
                }
            };
        }
    }

    private final Delivery delivery;

    public MessageIntake(Delivery delivery) {
        this.delivery = delivery;
    }

    /** What the client is told and why, for metrics. */
    public record Outcome(Reply reply, String rejectReason) {
        public boolean accepted() {
            return rejectReason == null;
        }
    }

    /**
     * @param received  the Received field already built for this transaction
     * @param submission add Date and Message-ID when missing (RFC 6409 §8)
     */
    public Outcome accept(Transaction tx, byte[] content, String received, boolean submission, String hostname,
            ZonedDateTime now) {
        return accept(tx, content, received, submission, hostname, now, MailOrigin.internal("smtp"));
    }

    /** As the other, with the client's particulars for the mail log. */
    public Outcome accept(Transaction tx, byte[] content, String received, boolean submission, String hostname,
            ZonedDateTime now, MailOrigin origin) {
        StringBuilder headers = new StringBuilder();
        if (!tx.leavesServer()) {
            // RFC 5321 §4.4: Return-Path is added on final delivery only; a copy that goes on to another server
            // must not carry one, and the copies share one content.
            headers.append(TraceHeaders.returnPath(tx.reversePath()));
        }
        headers.append(received);
        if (submission) {
            headers.append(SubmissionHeaders.missing(content, hostname, now));
        }
        MailEnvelope envelope = tx.envelope();
        try {
            delivery.deliver(envelope, TraceHeaders.prepend(headers.toString(), content), origin);
            return new Outcome(Reply.MESSAGE_ACCEPTED, null);
        } catch (StoreException e) {
            log.warn("Delivery from <{}> to {} refused: {}", tx.reversePath(),
                    envelope.recipients().stream().map(EnvelopeRecipient::address).toList(), e.getMessage());
            return new Outcome(StoreReplies.of(e), "store-" + e.reason().name().toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.is(e)) {
                // Not a bug: nothing was kept, and 451 makes the client send again (RFC 5321 §4.2.5).
                log.warn("Delivery from <{}> deferred, the database is unavailable: {}", tx.reversePath(),
                        DatabaseUnavailable.describe(e));
                return new Outcome(Reply.LOCAL_ERROR, "store-unavailable");
            }
            // A bug, not a refusal: the client may try again later, the log says what went wrong.
            log.error("Delivery from <{}> failed", tx.reversePath(), e);
            return new Outcome(Reply.LOCAL_ERROR, "error");
        }
    }

    static List<String> addresses(Transaction tx) {
        return tx.recipients().stream().map(EnvelopeRecipient::address).toList();
    }
}
