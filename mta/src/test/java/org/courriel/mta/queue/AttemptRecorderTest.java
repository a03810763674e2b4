package org.courriel.mta.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.courriel.mta.delivery.EnvelopeRecipient.Notify;
import org.courriel.mta.queue.AttemptRecorder.Attempt;
import org.courriel.mta.queue.AttemptRecorder.Kind;
import org.courriel.mta.relay.RemoteReply;
import org.junit.jupiter.api.Test;

/** Which state and which notification an attempt's reply leads to. */
class AttemptRecorderTest {

    private static final Instant QUEUED = Instant.parse("2026-01-01T00:00:00Z");

    private static AttemptRecorder recorder(Duration delayNotice) {
        QueueProperties properties = new QueueProperties(true, "n", 1, 1, Duration.ofSeconds(1), Duration.ofMinutes(1),
                new QueueProperties.Retry(List.of(Duration.ofMinutes(5), Duration.ofMinutes(30)), Duration.ofDays(5)),
                delayNotice, 50, Duration.ofDays(1));
        return new AttemptRecorder(null, null, new RetrySchedule(properties.retry()), properties, null,
                Clock.systemUTC(), "n");
    }

    private static QueuedRecipient recipient(String sender, Set<Notify> notify, int attempts, boolean delayNotified) {
        QueuedMessage message = new QueuedMessage(1, 2L, sender, null, null, false, false, 10, QUEUED);
        return new QueuedRecipient(3, message, "bob@remote.example", "remote.example", notify, null, attempts,
                delayNotified);
    }

    private static RecipientUpdate decide(AttemptRecorder recorder, QueuedRecipient r, int code, Kind kind, Instant now) {
        return recorder.decide(new Attempt(r, RemoteReply.local(code, null, "reply"), "mx", kind), now);
    }

    @Test
    void aPermanentFailureIsReportedUnlessNeverOrNullSender() {
        AttemptRecorder recorder = recorder(Duration.ZERO);
        Instant now = QUEUED.plusSeconds(60);
        assertThat(decide(recorder, recipient("a@x.example", Set.of(), 0, false), 550, Kind.REMOTE, now))
                .satisfies(u -> {
                    assertThat(u.state()).isEqualTo(RecipientState.FAILED);
                    assertThat(u.dsn()).isEqualTo("FAILED");
                });
        assertThat(decide(recorder, recipient("a@x.example", Set.of(Notify.NEVER), 0, false), 550, Kind.REMOTE, now).dsn())
                .isNull();
        assertThat(decide(recorder, recipient("a@x.example", Set.of(Notify.SUCCESS), 0, false), 550, Kind.REMOTE, now)
                .dsn()).isNull();
        assertThat(decide(recorder, recipient("", Set.of(), 0, false), 550, Kind.REMOTE, now).dsn()).isNull();
    }

    @Test
    void aTransientFailureIsRetriedOnScheduleAndExpiresIntoAFailure() {
        AttemptRecorder recorder = recorder(Duration.ZERO);
        Instant now = QUEUED.plusSeconds(60);
        RecipientUpdate first = decide(recorder, recipient("a@x.example", Set.of(), 0, false), 451, Kind.REMOTE, now);
        assertThat(first.state()).isEqualTo(RecipientState.DEFERRED);
        assertThat(first.nextAttempt()).isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(first.dsn()).isNull();

        RecipientUpdate expired = decide(recorder, recipient("a@x.example", Set.of(), 200, false), 421, Kind.REMOTE,
                QUEUED.plus(Duration.ofDays(5)));
        assertThat(expired.state()).isEqualTo(RecipientState.FAILED);
        assertThat(expired.outcome()).isEqualTo("EXPIRED");
        assertThat(expired.dsn()).isEqualTo("FAILED");
    }

    @Test
    void aDelayNoticeIsSentOnceWhenConfiguredAndWanted() {
        AttemptRecorder recorder = recorder(Duration.ofHours(4));
        Instant early = QUEUED.plus(Duration.ofHours(1));
        Instant late = QUEUED.plus(Duration.ofHours(5));
        assertThat(decide(recorder, recipient("a@x.example", Set.of(), 3, false), 451, Kind.REMOTE, early).dsn()).isNull();
        RecipientUpdate due = decide(recorder, recipient("a@x.example", Set.of(), 9, false), 451, Kind.REMOTE, late);
        assertThat(due.dsn()).isEqualTo("DELAYED");
        assertThat(due.delayNotice()).isTrue();
        assertThat(decide(recorder, recipient("a@x.example", Set.of(), 10, true), 451, Kind.REMOTE, late).dsn()).isNull();
        assertThat(decide(recorder, recipient("a@x.example", Set.of(Notify.FAILURE), 9, false), 451, Kind.REMOTE, late)
                .dsn()).isNull();
        assertThat(recorder(Duration.ZERO).decide(new Attempt(recipient("a@x.example", Set.of(), 9, false),
                RemoteReply.local(451, null, "x"), "mx", Kind.REMOTE), late).dsn()).isNull();
    }

    @Test
    void successIsReportedOnlyWhenAskedAndNotPassedToADsnServer() {
        AttemptRecorder recorder = recorder(Duration.ZERO);
        Instant now = QUEUED.plusSeconds(60);
        QueuedRecipient wantsSuccess = recipient("a@x.example", Set.of(Notify.SUCCESS, Notify.FAILURE), 0, false);
        assertThat(decide(recorder, wantsSuccess, 250, Kind.REMOTE, now).dsn()).isEqualTo("RELAYED");
        assertThat(decide(recorder, wantsSuccess, 250, Kind.REMOTE_DSN, now).dsn()).isNull();
        assertThat(decide(recorder, wantsSuccess, 250, Kind.LOCAL, now).dsn()).isEqualTo("DELIVERED");
        RecipientUpdate plain = decide(recorder, recipient("a@x.example", Set.of(), 0, false), 250, Kind.REMOTE, now);
        assertThat(plain.state()).isEqualTo(RecipientState.DELIVERED);
        assertThat(plain.dsn()).isNull();
    }
}
