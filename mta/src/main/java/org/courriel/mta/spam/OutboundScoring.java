package org.courriel.mta.spam;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores what an authenticated sender sends (submission on 587/465, the REST send endpoint) with the filter, so
 * that a stolen password's spam is caught before it leaves and lists our addresses. The request carries
 * {@code User: <account>}, with which rspamd applies its settings for authenticated senders, and the client's
 * address. The one place that maps the filter's action for outbound mail (docs/spam.md):
 * {@code reject} refuses, {@code soft reject} tries later, {@code greylist} sends, {@code add header} and
 * {@code rewrite subject} send (logged at WARN; {@code courriel_spam_checks_total{direction="outbound"}} counts
 * them) unless {@link SpamProperties.Outbound#refuseAt()} is {@code ADD_HEADER}. Nothing is added to the message:
 * the recipient's own filter judges it again.
 */
public final class OutboundScoring {

    private static final Logger log = LoggerFactory.getLogger(OutboundScoring.class);

    /** What becomes of an outbound message. */
    public enum Outcome {
        /** Sent as usual. */
        SEND,
        /** Refused: SMTP {@code 550 5.7.1}, REST {@code 422}. */
        REFUSE,
        /** Refused for now: SMTP {@code 451 4.7.1}, REST {@code 503}. */
        TEMPFAIL
    }

    /** @param reason the filter's action and score, for the log and the refusal's text */
    public record Result(Outcome outcome, String reason) {
    }

    private final SpamFilter filter;
    private final SpamProperties properties;

    public OutboundScoring(SpamFilter filter, SpamProperties properties) {
        this.filter = filter;
        this.properties = properties;
    }

    /** Whether outbound mail is scored at all: a filter configured and outbound scoring on. */
    public boolean enabled() {
        return filter != SpamFilter.NONE && properties.outbound().enabled();
    }

    /** @param request the envelope, its {@code user} the authenticated account */
    public Result check(SpamRequest request, byte[] message) {
        if (!enabled()) {
            return new Result(Outcome.SEND, "not scored");
        }
        SpamVerdict verdict = filter.score(request, message);
        if (!verdict.available()) {
            return new Result(properties.rspamd().whenUnavailable() == SpamProperties.Unavailable.TEMPFAIL
                    ? Outcome.TEMPFAIL : Outcome.SEND, verdict.reason());
        }
        String reason = verdict.action().wireName() + " score " + verdict.score()
                + (verdict.reason().isEmpty() ? "" : " (" + verdict.reason() + ")");
        Outcome outcome = switch (verdict.action()) {
            case REJECT -> Outcome.REFUSE;
            case SOFT_REJECT -> Outcome.TEMPFAIL;
            // Greylisting tests whether a stranger's server retries; a user's mail program is not one.
            case GREYLIST -> Outcome.SEND;
            case ADD_HEADER, REWRITE_SUBJECT -> properties.outbound().refuseAt() == SpamProperties.Outbound.RefuseAt.ADD_HEADER
                    ? Outcome.REFUSE : Outcome.SEND;
            case NO_ACTION -> Outcome.SEND;
        };
        if (outcome != Outcome.SEND) {
            log.warn("Outbound message of {} to {} refused as spam ({}): {}", request.user(), request.recipients(),
                    outcome == Outcome.REFUSE ? "550" : "451", reason);
        } else if (verdict.action() != SpamAction.NO_ACTION) {
            // The sender is one of ours: sent all the same, but an operator should look at the account.
            log.warn("Outbound message of {} to {} looks like spam and is sent: {}", request.user(),
                    request.recipients(), reason);
        }
        return new Result(outcome, reason);
    }
}
