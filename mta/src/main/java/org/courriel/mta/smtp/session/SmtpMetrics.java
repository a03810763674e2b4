package org.courriel.mta.smtp.session;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The SMTP meters of one listener (tag {@code listener}): sessions, messages accepted and rejected (tag
 * {@code reason}), message bytes, recipients accepted and refused, AUTH failures, timeouts (tag {@code kind}),
 * TLS handshakes, and the time from the end of a message's content to its reply.
 */
public final class SmtpMetrics {

    private final MeterRegistry registry;
    private final String listener;
    private final Counter sessions;
    private final Counter accepted;
    private final DistributionSummary bytes;
    private final Counter recipients;
    private final Counter authFailures;

    public SmtpMetrics(MeterRegistry registry, String listener) {
        this.registry = registry;
        this.listener = listener;
        this.sessions = Counter.builder("courriel.smtp.sessions").tag("listener", listener)
                .description("SMTP sessions started").register(registry);
        this.accepted = Counter.builder("courriel.smtp.messages.accepted").tag("listener", listener)
                .description("Messages accepted (250 after DATA or BDAT LAST)").register(registry);
        this.bytes = DistributionSummary.builder("courriel.smtp.message.bytes").tag("listener", listener)
                .baseUnit("bytes").description("Size of accepted messages as received").register(registry);
        this.recipients = Counter.builder("courriel.smtp.recipients.accepted").tag("listener", listener)
                .description("RCPT TO accepted").register(registry);
        this.authFailures = Counter.builder("courriel.smtp.auth.failures").tag("listener", listener)
                .description("AUTH attempts refused (bad credentials or throttled)").register(registry);
    }

    public void sessionStarted() {
        sessions.increment();
    }

    public void messageAccepted(long size) {
        accepted.increment();
        bytes.record(size);
    }

    /** @param reason a short tag: too-big, bare-line-ending, store-unavailable, error... */
    public void messageRejected(String reason) {
        Counter.builder("courriel.smtp.messages.rejected").tag("listener", listener).tag("reason", reason)
                .description("Messages refused after their content was sent").register(registry).increment();
    }

    /**
     * The time from the end of the content (DATA's final dot, BDAT LAST) to the reply: the checks, storing or
     * queuing and the group commit the client waits for.
     */
    public void messageReplied(Duration elapsed, boolean accepted) {
        Timer.builder("courriel.smtp.data.time").tag("listener", listener)
                .tag("result", accepted ? "accepted" : "rejected")
                .description("From the end of a message's content to the reply").register(registry).record(elapsed);
    }

    public void recipientAccepted() {
        recipients.increment();
    }

    /** @param reason unknown, relay, disguise, quota, too-many, syntax */
    public void recipientRejected(String reason) {
        Counter.builder("courriel.smtp.recipients.rejected").tag("listener", listener).tag("reason", reason)
                .description("RCPT TO refused").register(registry).increment();
    }

    /** @param kind idle (no byte for the timeout) or deadline (a command or content sent too slowly) */
    public void timeout(String kind) {
        Counter.builder("courriel.smtp.timeouts").tag("listener", listener).tag("kind", kind)
                .description("Sessions ended with 421 4.4.2 by a timeout").register(registry).increment();
    }

    public void authFailure() {
        authFailures.increment();
    }

    /** @param result success or failure */
    public void tlsHandshake(String result) {
        Counter.builder("courriel.smtp.tls.handshakes").tag("listener", listener).tag("result", result)
                .description("TLS handshakes (STARTTLS or implicit)").register(registry).increment();
    }
}
