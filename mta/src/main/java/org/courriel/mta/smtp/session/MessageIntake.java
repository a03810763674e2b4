package org.courriel.mta.smtp.session;

import java.util.List;
import java.util.function.UnaryOperator;

import org.courriel.mta.auth.AuthVerdict;
import org.courriel.mta.auth.InboundAuthenticator;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.limit.SendLimiter;
import org.courriel.mta.maillog.MailOrigin;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.reply.StoreReplies;
import org.courriel.mta.smtp.trace.SubmissionHeaders;
import org.courriel.mta.smtp.trace.TraceHeaders;
import org.courriel.mta.spam.SpamRequest;
import org.courriel.mta.spam.SpamScreening;
import org.courriel.mta.spam.sanity.SanityChecks;
import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.courriel.store.limit.SendAdmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a transaction, the one road from DATA or BDAT to the store: adds every trace field (Return-Path
 * and Received, RFC 5321 §4.4; on submission a missing Date and Message-ID, RFC 6409 §8), on the MX the sender
 * checks' Authentication-Results (a DMARC reject is 550 5.7.1, quarantine the Junk folder), then hands the
 * message to {@link MailDelivery}, which commits every copy before the client hears 250.
 */
public class MessageIntake {

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    /** Commits a message for its envelope; {@link MailDelivery#deliver} in the server. */
    @FunctionalInterface
    public interface Delivery {
        void deliver(MailEnvelope envelope, byte[] message);

        /**
         * With where the message came from (the mail log) and whether its local copies go to the recipients'
         * Junk folders (DMARC quarantine); by default as {@link #deliver(MailEnvelope, byte[])}.
         */
        default void deliver(MailEnvelope envelope, byte[] message, MailOrigin origin, boolean junk) {
            deliver(envelope, message);
        }

        /** {@link MailDelivery}, with the origin and the Junk choice of each message. */
        static Delivery of(MailDelivery delivery) {
            return new Delivery() {
                @Override
                public void deliver(MailEnvelope envelope, byte[] message) {
                    delivery.deliver(envelope, message);
                }

                @Override
                public void deliver(MailEnvelope envelope, byte[] message, MailOrigin origin, boolean junk) {
                    delivery.deliver(envelope, message, origin, junk);
                }
            };
        }
    }

    private final Delivery delivery;
    /** The MX's sender checks; null when there are none. */
    private final InboundAuthenticator inbound;
    private final UnaryOperator<byte[]> submissionSigner;
    /** The MX's spam defences; null when there are none. */
    private final SpamScreening spam;
    /** The hourly limits of authenticated senders; null when there are none. */
    private final SendLimiter limits;

    public MessageIntake(Delivery delivery) {
        this(delivery, null, UnaryOperator.identity());
    }

    public MessageIntake(Delivery delivery, InboundAuthenticator inbound, UnaryOperator<byte[]> submissionSigner) {
        this(delivery, inbound, submissionSigner, null, null);
    }

    /**
     * @param inbound          the MX's sender checks, or null for none
     * @param submissionSigner DKIM-signs a submitted message once it is final ({@code OutboundSigning#sign}),
     *                         before any copy is stored or queued
     * @param spam             the MX's blocklists, greylisting and filter, or null for none
     * @param limits           the hourly send limits of authenticated senders, or null for none
     */
    public MessageIntake(Delivery delivery, InboundAuthenticator inbound, UnaryOperator<byte[]> submissionSigner,
            SpamScreening spam, SendLimiter limits) {
        this.delivery = delivery;
        this.inbound = inbound;
        this.submissionSigner = submissionSigner;
        this.spam = spam;
        this.limits = limits;
    }

    /**
     * At MAIL on the MX: SPF of MAIL FROM and HELO and the client's FCrDNS (RFC 7208 §2.4), kept in the
     * transaction for the end of DATA. Nothing on submission or for an authenticated client.
     */
    public void checkSender(CommandSession session) {
        if (inbound == null || !inbound.enabled() || session.context().kind().isSubmission()
                || session.isAuthenticated()) {
            return;
        }
        Transaction tx = session.transaction();
        tx.senderChecks(inbound.atMail(session.channel().remoteAddress(), session.heloName(), tx.reversePath()));
    }

    /**
     * At MAIL on the MX: whether a DNS blocklist names the client (RFC 5782); the transaction keeps the answer,
     * and RCPT refuses every recipient but postmaster with it. Nothing on submission or for an authenticated client.
     */
    public void checkClient(CommandSession session) {
        if (spam == null || session.context().kind().isSubmission() || session.isAuthenticated()) {
            return;
        }
        session.transaction().blocklisted(spam.blocklisted(session.channel().remoteAddress()));
    }

    /** The MX's sanity checks of this session's client, or none (submission, an authenticated client, no spam defences). */
    private SanityChecks sanity(CommandSession session) {
        return spam == null || session.context().kind() != ListenerKind.MX || session.isAuthenticated()
                ? SanityChecks.NONE : spam.sanity();
    }

    /** At HELO/EHLO on the MX: the refusal of a name that claims to be this server, or null (docs/spam.md). */
    public Reply checkHelo(CommandSession session, String name) {
        return sanity(session).helo(name, session.channel().remoteAddress()) == SanityChecks.Verdict.HELO_CLAIMS_US
                ? Reply.HELO_CLAIMS_US : null;
    }

    /** At MAIL on the MX: the refusal of a sender domain that has no MX nor address (RFC 5321 §5.1), or null. */
    public Reply checkSenderDomain(CommandSession session, String domain) {
        return switch (sanity(session).senderDomain(domain, session.channel().remoteAddress())) {
            case SENDER_DOMAIN_UNKNOWN -> Reply.SENDER_DOMAIN_UNKNOWN;
            case SENDER_DOMAIN_NULL_MX -> Reply.SENDER_DOMAIN_NULL_MX;
            case SENDER_DOMAIN_TEMPORARY -> Reply.SENDER_DOMAIN_TEMPORARY;
            default -> null;
        };
    }

    /** The early-talker check of the MX for {@code session}'s client (RFC 5321 §4.3.1), NONE when exempt. */
    public SanityChecks earlyTalkers(CommandSession session) {
        return sanity(session);
    }

    /** What the client is told and why, for metrics. */
    public record Outcome(Reply reply, String rejectReason) {
        public boolean accepted() {
            return rejectReason == null;
        }
    }

    /** @param arrival how the content came: the trace fields say it */
    public Outcome accept(Transaction tx, byte[] content, Arrival arrival) {
        StringBuilder headers = new StringBuilder();
        if (!tx.leavesServer()) {
            // RFC 5321 §4.4: Return-Path is added on final delivery only; a copy that goes on to another server
            // must not carry one, and the copies share one content.
            headers.append(TraceHeaders.returnPath(tx.reversePath()));
        }
        headers.append(TraceHeaders.received(arrival.helo(), arrival.client(), clientName(tx), arrival.hostname(),
                TraceHeaders.protocol(arrival.extended(), tx.smtpUtf8(), arrival.secure(), arrival.authenticated()),
                arrival.sessionId(), addresses(tx), arrival.at()));
        if (arrival.submission()) {
            headers.append(SubmissionHeaders.missing(content, arrival.hostname(), arrival.at()));
        }
        MailEnvelope envelope = tx.envelope();
        try {
            byte[] message = content;
            boolean junk = false;
            boolean dmarcPass = false;
            if (tx.senderChecks() != null) {
                AuthVerdict verdict = inbound.atEndOfData(tx.senderChecks(), content, recipientDomains(tx));
                switch (verdict.action()) {
                    case REJECT -> {
                        log.info("Message from <{}> refused: {}", tx.reversePath(), verdict.reason());
                        return new Outcome(Reply.DMARC_REJECTED, "dmarc-reject");
                    }
                    case DEFER -> {
                        log.info("Message from <{}> deferred: {}", tx.reversePath(), verdict.reason());
                        return new Outcome(Reply.SENDER_DNS_FAILURE, "dns-temporary");
                    }
                    case JUNK -> junk = true;
                    case DELIVER -> {
                    }
                }
                headers.append(verdict.header()); // RFC 8601 §5: ours alone, any claiming our id removed
                message = verdict.content();
                dmarcPass = verdict.dmarcPass();
            }
            byte[] full = TraceHeaders.prepend(headers.toString(), message);
            if (spam != null && !arrival.submission() && !arrival.authenticated()) {
                full = spam.withoutForgedVerdicts(full);
                SpamScreening.Result screened = spam.atEndOfData(spamRequest(tx, arrival, ""), arrival.client(), dmarcPass,
                        full, arrival.at().toInstant());
                switch (screened.decision()) {
                    case REJECT -> {
                        log.info("Message from <{}> refused as spam: {}", tx.reversePath(), screened.reason());
                        return new Outcome(Reply.SPAM_REJECTED, "spam-reject");
                    }
                    case TEMPFAIL -> {
                        log.info("Message from <{}> deferred: {}", tx.reversePath(), screened.reason());
                        return screened.greylisted() ? new Outcome(Reply.GREYLISTED, "greylisted")
                                : new Outcome(Reply.SPAM_DEFERRED, "spam-deferred");
                    }
                    case JUNK -> junk = true;
                    case DELIVER -> {
                    }
                }
                full = TraceHeaders.prepend(screened.headers(), full);
            }
            if (spam != null && arrival.authenticated() && spam.outbound().enabled()) {
                // Issue #12: a stolen password's spam is refused before it leaves (OutboundScoring).
                switch (spam.outbound().check(spamRequest(tx, arrival, arrival.account()), full).outcome()) {
                    case REFUSE -> {
                        return new Outcome(Reply.SPAM_REJECTED, "spam-reject-outbound");
                    }
                    case TEMPFAIL -> {
                        return new Outcome(Reply.SPAM_DEFERRED, "spam-deferred-outbound");
                    }
                    case SEND -> {
                    }
                }
            }
            if (arrival.submission()) {
                full = submissionSigner.apply(full); // once, now that the message is final (RFC 6376 §5)
            }
            // Counted last, once every check passed: a message refused above costs the sender nothing.
            if (arrival.authenticated() && limits != null && arrival.account() != null
                    && limits.admit(arrival.account(), tx.recipients().size()) instanceof SendAdmission.Refused) {
                return new Outcome(Reply.SEND_LIMITED, "send-limit");
            }
            // The verdict travels with the message to the queue: only a genuine sender gets notifications (V76).
            delivery.deliver(envelope, full, arrival.origin().withSenderVerified(
                    arrival.authenticated() || dmarcPass || spfPass(tx)), junk);
            return new Outcome(Reply.MESSAGE_ACCEPTED, null);
        } catch (org.courriel.mta.delivery.SieveRejectedException e) {
            log.info("Delivery from <{}> refused: {}", tx.reversePath(), e.getMessage());
            return new Outcome(Reply.REJECTED_BY_RECIPIENT, "sieve-reject");
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

    /** @param user the authenticated account, or empty on the MX */
    private static SpamRequest spamRequest(Transaction tx, Arrival arrival, String user) {
        String name = clientName(tx);
        return new SpamRequest(arrival.client().getHostAddress(), arrival.helo() == null ? "" : arrival.helo(),
                name == null ? "" : name, tx.reversePath(), addresses(tx), user, arrival.sessionId());
    }

    /**
     * MAIL FROM passed SPF at our MX (RFC 7208 §2.4): the reverse-path is the sender's own, so a later failure may
     * be reported to it (issue 12: no backscatter to forged senders).
     */
    private static boolean spfPass(Transaction tx) {
        return tx.senderChecks() != null && tx.senderChecks().mailFrom() != null
                && tx.senderChecks().mailFrom().result() == org.courriel.mta.auth.spf.SpfResult.PASS;
    }

    /** The client's forward-confirmed reverse-DNS name for Received, when the sender checks found one. */
    private static String clientName(Transaction tx) {
        return tx.senderChecks() == null ? null : tx.senderChecks().clientName();
    }

    private static List<String> recipientDomains(Transaction tx) {
        return tx.recipients().stream().map(r -> r.address().substring(r.address().lastIndexOf('@') + 1)).distinct()
                .toList();
    }

    private static List<String> addresses(Transaction tx) {
        return tx.recipients().stream().map(EnvelopeRecipient::address).toList();
    }
}
