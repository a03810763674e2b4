package org.courriel.mta.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.courriel.mta.maillog.MailLog;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.dsn.DsnAction;
import org.courriel.mta.dsn.DsnRecipient;
import org.courriel.mta.dsn.DsnRequest;
import org.courriel.mta.dsn.DsnSender;
import org.courriel.mta.queue.QueueRepository.PendingNotice;
import org.courriel.store.StoreException;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.content.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notifications due on the recipients a worker holds: one DSN per message and action. The content
 * stays referenced until the notification is stored, so a crash in between only repeats the notification
 * (a duplicate, never a loss).
 */
public class PendingNotifications {

    private static final Logger log = LoggerFactory.getLogger(PendingNotifications.class);

    private final QueueRepository repository;
    private final ContentStore contents;
    private final DsnSender sender;
    private final GroupCommitter committer;
    private final RetrySchedule schedule;
    private final Clock clock;

    public PendingNotifications(QueueRepository repository, ContentStore contents, DsnSender sender,
            GroupCommitter committer, RetrySchedule schedule, Clock clock) {
        this.repository = repository;
        this.contents = contents;
        this.sender = sender;
        this.committer = committer;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Sends what is due on {@code token}'s recipients; those left (store unavailable) wait for the sweep. */
    public void send(String token) {
        Map<String, List<PendingNotice>> groups = new LinkedHashMap<>();
        for (PendingNotice n : repository.pendingNotices(token)) {
            groups.computeIfAbsent(n.message().id() + "/" + n.action(), k -> new ArrayList<>()).add(n);
        }
        for (List<PendingNotice> group : groups.values()) {
            QueuedMessage message = group.get(0).message();
            DsnSender.Result result = DsnSender.Result.DROPPED;
            if (!message.hasNullSender() && !group.get(0).senderVerified()) {
                // Issue 12, no backscatter: a sender that may be forged hears nothing; the mail log keeps it.
                MailLog.notificationSuppressed(repository.logIds(List.of(message.id())).get(message.id()),
                        message.sender(), group.get(0).action());
            } else if (!message.hasNullSender() && message.contentId() != null) {
                byte[] original;
                try {
                    original = contents.bytes(message.contentId());
                } catch (StoreException e) {
                    log.error("Content {} of queued message {} is missing", message.contentId(), message.id(), e);
                    original = new byte[0];
                }
                result = sender.send(new DsnRequest(message.sender(), message.envId(), message.createdAt(),
                        message.ret() == MailEnvelope.Ret.FULL, original,
                        group.stream().map(n -> dsnRecipient(n)).toList(), message.requireTls()));
            }
            if (result == DsnSender.Result.RETRY) {
                continue;
            }
            if (result == DsnSender.Result.SENT) {
                MailLog.notified(repository.logIds(List.of(message.id())).get(message.id()), message.sender(),
                        group.get(0).action());
            }
            List<Long> ids = group.stream().map(PendingNotice::recipientId).toList();
            Instant now = clock.instant();
            committer.execute(tx -> {
                repository.notificationsSent(ids);
                repository.finishIfDone(message.id(), now);
                return null;
            });
        }
    }

    private DsnRecipient dsnRecipient(PendingNotice n) {
        DsnAction action = DsnAction.valueOf(n.action());
        String status = n.lastStatus() != null ? n.lastStatus() : switch (action) {
            case FAILED -> "5.0.0";
            case DELAYED -> "4.0.0";
            default -> "2.0.0";
        };
        if (action == DsnAction.RELAYED || action == DsnAction.DELIVERED) {
            status = status.startsWith("2") ? status : "2.0.0";
        }
        if (action == DsnAction.FAILED && n.message().requireTls() && status.startsWith("4.7.")) {
            // RFC 8689 §5: a REQUIRETLS message given up for want of protection bounces with 5.7.30 (or 5.7.10)
            status = "5" + status.substring(1);
        }
        String diagnostic = n.lastCode() == null ? null
                : n.lastCode() + (n.lastStatus() != null ? " " + n.lastStatus() : "")
                        + (n.lastReply() == null || n.lastReply().isEmpty() ? "" : " " + n.lastReply());
        String remote = n.lastHost() == null ? null : n.lastHost().split(" ", 2)[0];
        return new DsnRecipient(n.address(), n.orcpt(), action, status, remote, diagnostic, n.lastAttemptAt(),
                action == DsnAction.DELAYED ? schedule.expiry(n.message().createdAt()) : null);
    }
}
