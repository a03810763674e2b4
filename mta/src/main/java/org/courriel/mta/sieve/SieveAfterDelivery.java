package org.courriel.mta.sieve;

import java.time.Instant;
import java.util.List;

import org.courriel.mta.delivery.SieveDisposition;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.dsn.DsnAction;
import org.courriel.mta.dsn.DsnRecipient;
import org.courriel.mta.dsn.DsnRequest;
import org.courriel.mta.dsn.DsnSender;
import org.courriel.sieve.SieveAction;
import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.sieve.SieveDuplicates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a script asked for once the message is stored: vacation responses, and for a reject that could not be
 * given in the SMTP dialogue (other recipients took the message) a failure notification to the sender
 * (RFC 5429 §2.1).
 */
@Component
public class SieveAfterDelivery {

    private static final Logger log = LoggerFactory.getLogger(SieveAfterDelivery.class);

    private final VacationResponder vacation;
    private final ObjectProvider<DsnSender> dsn;
    private final SieveDuplicates duplicates;
    private final SieveProperties properties;

    SieveAfterDelivery(VacationResponder vacation, ObjectProvider<DsnSender> dsn, SieveDuplicates duplicates,
            SieveProperties properties) {
        this.vacation = vacation;
        this.dsn = dsn;
        this.duplicates = duplicates;
        this.properties = properties;
    }

    /** Never throws: the message is stored already, so a failure here is logged, not reported to the sender. */
    public void run(List<SieveDisposition> dispositions, MailEnvelope envelope, byte[] message) {
        for (SieveDisposition d : dispositions) {
            try {
                afterOne(d, envelope, message);
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.is(e)) {
                    log.warn("Sieve follow-up for {} skipped, the database is unavailable: {}", d.recipient(),
                            DatabaseUnavailable.describe(e));
                } else {
                    log.error("Sieve follow-up for {} failed", d.recipient(), e);
                }
            }
        }
    }

    private void afterOne(SieveDisposition d, MailEnvelope envelope, byte[] message) {
        // RFC 7352 §3: the identifiers are remembered only now that the delivery committed.
        for (SieveAction.TrackDuplicate t : d.duplicates()) {
            duplicates.record(d.account().id(), t.key(), properties.duplicatePeriod(t.period()), t.last(),
                    Instant.now());
        }
        if (d.vacation() != null) {
            vacation.respond(d, envelope, message);
        }
        if (d.reject() == null || envelope.isBounce()) {
            return;
        }
        // Asked only for a reject: the bean lookup cost 2 % of the ingest bench's CPU when made for every copy.
        DsnSender sender = dsn.getIfAvailable();
        if (sender != null) {
            String reason = VacationResponse.oneLine(d.reject());
            sender.send(new DsnRequest(envelope.reversePath(), envelope.envId(), Instant.now(), false, message,
                    List.of(new DsnRecipient(d.recipient(), null, DsnAction.FAILED, "5.7.1", null,
                            "550 5.7.1 " + reason, Instant.now(), null))));
        }
    }
}
