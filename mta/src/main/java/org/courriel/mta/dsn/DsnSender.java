package org.courriel.mta.dsn;

import java.util.List;

import org.courriel.mta.maillog.MailOrigin;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends delivery status notifications to original senders, through {@link MailDelivery} like any message:
 * a local sender gets it in the INBOX, a remote one through the queue. The report goes out with the null
 * reverse-path, so it is never bounced in turn (RFC 5321 §4.5.5, RFC 3461 §6.2).
 */
public class DsnSender {

    private static final Logger log = LoggerFactory.getLogger(DsnSender.class);

    private final MailDelivery delivery;
    private final String reportingMta;

    public DsnSender(MailDelivery delivery, String reportingMta) {
        this.delivery = delivery;
        this.reportingMta = reportingMta;
    }

    public enum Result {
        /** Stored or queued. */
        SENT,
        /** Cannot ever be delivered (the sender is an unknown local address); given up. */
        DROPPED,
        /** The store could not take it now; try again later. */
        RETRY
    }

    public Result send(DsnRequest request) {
        byte[] report = DsnMessage.build(reportingMta, request.sender(), request.envId(), request.arrival(),
                request.recipients(), request.original(), request.returnFull() && !request.requireTls());
        boolean eightBit = false;
        for (byte b : report) {
            if (b < 0) {
                eightBit = true;
                break;
            }
        }
        // RFC 8689 §5: the report on a REQUIRETLS message is itself sent with REQUIRETLS, and as if RET=HDRS
        MailEnvelope envelope = new MailEnvelope("", List.of(EnvelopeRecipient.of(request.sender())), null, null,
                false, eightBit, request.requireTls());
        try {
            delivery.deliver(envelope, report, MailOrigin.internal("notification"));
            log.info("Sent a {} notification to <{}> about {} recipient(s)",
                    request.recipients().get(0).action().field(), request.sender(), request.recipients().size());
            return Result.SENT;
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.UNAVAILABLE || e.reason() == StoreException.Reason.STORAGE_FULL) {
                log.warn("Could not store a notification to <{}> now: {}", request.sender(), e.getMessage());
                return Result.RETRY;
            }
            log.warn("Dropping a notification to <{}>: {}", request.sender(), e.getMessage());
            return Result.DROPPED;
        }
    }
}
