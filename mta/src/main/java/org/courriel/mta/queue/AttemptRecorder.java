package org.courriel.mta.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.courriel.mta.maillog.MailLog;
import org.courriel.mta.relay.RecipientResult;
import org.courriel.mta.relay.RemoteReply;
import org.courriel.store.commit.GroupCommitter;

/**
 * Turns attempt results into recipient states (the retry schedule, expiry, which notification is due) and
 * writes them durably through the group committer, so a recipient is marked delivered only after the
 * remote 250 and only once that mark is on disk.
 */
public class AttemptRecorder {

    /** The result of trying one recipient. */
    public record Attempt(QueuedRecipient recipient, RemoteReply reply, String host, Kind kind) {
    }

    /** How a 2xx came about: decides which success notice is due, if any (RFC 3461 §5.2.2). */
    public enum Kind {
        /** The remote server announced DSN and took over the duty to notify. */
        REMOTE_DSN,
        /** The remote server did not announce DSN: a "relayed" notice is ours to send. */
        REMOTE,
        /** Stored in a local mailbox: a "delivered" notice. */
        LOCAL
    }

    private final QueueRepository repository;
    private final GroupCommitter committer;
    private final RetrySchedule schedule;
    private final Duration delayNotice;
    private final QueueMetrics metrics;
    private final Clock clock;
    private final String node;

    public AttemptRecorder(QueueRepository repository, GroupCommitter committer, RetrySchedule schedule,
            QueueProperties properties, QueueMetrics metrics, Clock clock, String node) {
        this.repository = repository;
        this.committer = committer;
        this.schedule = schedule;
        this.delayNotice = properties.delayNotice();
        this.metrics = metrics;
        this.clock = clock;
        this.node = node;
    }

    /** Records the attempts; durable when this returns. */
    public void record(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<RecipientUpdate> updates = new ArrayList<>();
        Set<Long> messages = new LinkedHashSet<>();
        for (Attempt a : attempts) {
            updates.add(decide(a, now));
            messages.add(a.recipient().message().id());
        }
        committer.execute(tx -> {
            for (int i = 0; i < attempts.size(); i++) {
                Attempt a = attempts.get(i);
                repository.recordAttempt(a.recipient().id(), a.recipient().message(), updates.get(i), node, now);
            }
            messages.forEach(id -> repository.finishIfDone(id, now));
            return null;
        });
        Map<Long, String> logIds = repository.logIds(messages);
        for (int i = 0; i < attempts.size(); i++) {
            RecipientUpdate u = updates.get(i);
            log(logIds, attempts.get(i), u, now);
            metrics.attempt(u.outcome(), u.reply().code());
            if (u.state() == RecipientState.DELIVERED) {
                metrics.delivered(Duration.between(attempts.get(i).recipient().message().createdAt(), now));
            }
        }
    }

    /** The attempt's line of the mail log, once it is recorded. */
    private static void log(Map<Long, String> logIds, Attempt a, RecipientUpdate u, Instant now) {
        QueuedRecipient r = a.recipient();
        MailLog.Status status = switch (u.outcome()) {
            case "DELIVERED" -> MailLog.Status.SENT;
            case "EXPIRED" -> MailLog.Status.EXPIRED;
            case "FAILED" -> MailLog.Status.BOUNCED;
            default -> MailLog.Status.DEFERRED;
        };
        MailLog.attempt(logIds.get(r.message().id()), r.address(), a.host(),
                Duration.between(r.message().createdAt(), now), r.attempts() + 1, u.reply().status(), status,
                u.reply().toString());
    }

    /** The new state of a recipient after an attempt. */
    RecipientUpdate decide(Attempt a, Instant now) {
        QueuedRecipient r = a.recipient();
        return switch (RecipientResult.outcomeOf(a.reply())) {
            case DELIVERED -> {
                String dsn = null;
                if (r.wantsSuccessNotice() && a.kind() != Kind.REMOTE_DSN) {
                    dsn = a.kind() == Kind.LOCAL ? "DELIVERED" : "RELAYED";
                }
                yield new RecipientUpdate(RecipientState.DELIVERED, null, a.reply(), a.host(), dsn, false, "DELIVERED");
            }
            case FAILED -> new RecipientUpdate(RecipientState.FAILED, null, a.reply(), a.host(),
                    r.wantsFailureNotice() ? "FAILED" : null, false, "FAILED");
            case DEFERRED -> {
                Optional<Instant> next = schedule.nextAttempt(r.attempts() + 1, r.message().createdAt(), now);
                if (next.isEmpty()) {
                    yield new RecipientUpdate(RecipientState.FAILED, null, a.reply(), a.host(),
                            r.wantsFailureNotice() ? "FAILED" : null, false, "EXPIRED");
                }
                boolean delayed = !delayNotice.isZero() && !r.delayNotified() && r.wantsDelayNotice()
                        && !now.isBefore(r.message().createdAt().plus(delayNotice));
                yield new RecipientUpdate(RecipientState.DEFERRED, next.get(), a.reply(), a.host(),
                        delayed ? "DELAYED" : null, delayed, "DEFERRED");
            }
        };
    }
}
