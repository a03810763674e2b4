package org.courriel.api.admin;

import java.time.Instant;
import java.util.List;

import org.courriel.mta.queue.QueueAttempt;
import org.courriel.mta.queue.QueueEntry;
import org.courriel.mta.queue.QueueEntryDetail;
import org.courriel.mta.queue.RecipientState;

import io.swagger.v3.oas.annotations.media.Schema;

/** The response bodies of the queue admin endpoints. */
final class QueueViews {

    private QueueViews() {
    }

    @Schema(description = "A page of queue entries, newest first")
    record QueuePage(
            List<EntryView> entries,
            @Schema(description = "Pass as beforeId for the next page; absent on the last page", example = "4182",
                    nullable = true) Long nextBeforeId) {
    }

    @Schema(description = "A message in the outbound queue")
    record EntryView(
            @Schema(example = "4183") long id,
            @Schema(description = "Envelope sender; empty for the null sender <>", example = "bob@example.org")
            String sender,
            @Schema(example = "2026-11-23T10:00:00Z") Instant queuedAt,
            @Schema(description = "Size in bytes", example = "20480") long size,
            @Schema(description = "ENVID given at submission (RFC 3461)", nullable = true) String envId,
            @Schema(description = "When every recipient was finished; absent while still queued", nullable = true)
            Instant finishedAt,
            List<RecipientView> recipients) {

        static EntryView of(QueueEntry e) {
            return new EntryView(e.id(), e.sender(), e.queuedAt(), e.size(), e.envId(), e.finishedAt(),
                    e.recipients().stream().map(RecipientView::of).toList());
        }
    }

    @Schema(description = "A recipient of a queued message and where its delivery stands")
    record RecipientView(
            @Schema(example = "9051") long id,
            @Schema(example = "alice@example.com") String address,
            @Schema(example = "DEFERRED") RecipientState state,
            @Schema(description = "Delivery attempts so far", example = "2") int attempts,
            @Schema(description = "When it is tried next, for a waiting recipient", example = "2026-11-23T10:30:00Z",
                    nullable = true) Instant nextAttemptAt,
            @Schema(description = "The last reply, code first", example = "451 4.7.1 try again later",
                    nullable = true) String lastReply,
            @Schema(description = "The server that gave it", example = "mx1.example.com", nullable = true)
            String lastHost,
            @Schema(description = "A node is delivering it right now") boolean beingDelivered) {

        static RecipientView of(QueueEntry.Recipient r) {
            return new RecipientView(r.id(), r.address(), r.state(), r.attempts(), r.nextAttemptAt(), r.lastReply(),
                    r.lastHost(), r.beingDelivered());
        }
    }

    @Schema(description = "A queue entry with its recipients and its delivery attempts, oldest first")
    record DetailView(EntryView entry, List<AttemptView> attempts) {

        static DetailView of(QueueEntryDetail d) {
            return new DetailView(EntryView.of(d.entry()), d.attempts().stream().map(AttemptView::of).toList());
        }
    }

    @Schema(description = "One delivery attempt of one recipient")
    record AttemptView(
            @Schema(example = "alice@example.com") String address,
            @Schema(example = "2026-11-23T10:05:00Z") Instant attemptedAt,
            @Schema(description = "The Courriel node that made it", example = "mail1-3fa2c1d0") String node,
            @Schema(description = "The server tried", example = "mx1.example.com", nullable = true) String remoteHost,
            @Schema(description = "Reply code (made up locally for a connection failure)", example = "451") int code,
            @Schema(description = "Enhanced status code", example = "4.7.1", nullable = true) String status,
            @Schema(example = "try again later", nullable = true) String reply,
            @Schema(allowableValues = {"DELIVERED", "DEFERRED", "FAILED", "EXPIRED"}, example = "DEFERRED")
            String outcome) {

        static AttemptView of(QueueAttempt a) {
            return new AttemptView(a.address(), a.attemptedAt(), a.node(), a.remoteHost(), a.code(), a.status(),
                    a.reply(), a.outcome());
        }
    }

    @Schema(description = "The result of a retry request")
    record RetryView(
            @Schema(example = "4183") long id,
            @Schema(description = "Recipients made due now", example = "1") int recipientsDue) {
    }
}
