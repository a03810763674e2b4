package org.courriel.mta.spam.training;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.courriel.mta.spam.training.TrainingMetrics.Result;
import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.lifecycle.ShutdownDeadline;
import org.courriel.store.lifecycle.ShutdownPhase;
import org.courriel.store.training.TrainingOutbox;
import org.courriel.store.training.TrainingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the users' classifications from the store's outbox to rspamd, on one virtual thread per node: claims a
 * batch (a lease, so nodes never share a row), teaches rspamd each message in turn, deletes what was learned and
 * reschedules what failed ({@link TrainingBackoff}), dropping a row after {@code max-attempts} with a WARN line.
 * No client waits for it: the classification was committed with the client's own change. On stop it gives
 * back what it holds, for another node to take at once.
 */
final class TrainingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final TrainingOutbox outbox;
    private final RspamdLearner learner;
    private final TrainingProperties settings;
    private final TrainingBackoff backoff;
    private final TrainingMetrics metrics;
    private final Clock clock;
    private final ShutdownDeadline deadline;
    private final String token = "training/" + UUID.randomUUID();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread loop;

    TrainingWorker(TrainingOutbox outbox, RspamdLearner learner, TrainingProperties settings, TrainingMetrics metrics,
            Clock clock, ShutdownDeadline deadline) {
        this.outbox = outbox;
        this.learner = learner;
        this.settings = settings;
        this.backoff = new TrainingBackoff(settings.retryInitial(), settings.retryMax());
        this.metrics = metrics;
        this.clock = clock;
        this.deadline = deadline;
    }

    private void run() {
        while (running) {
            try {
                List<TrainingTask> claimed = outbox.claim(token, settings.batch(), settings.lease());
                for (TrainingTask task : claimed) {
                    if (!running) {
                        break;
                    }
                    teach(task);
                }
                if (claimed.size() < settings.batch()) {
                    wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.is(e)) {
                    log.warn("Spam training paused: the database is unavailable: {}", DatabaseUnavailable.describe(e));
                } else {
                    log.error("Spam training loop failed; retrying after the poll interval", e);
                }
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One classification: learned, rescheduled or dropped. */
    void teach(TrainingTask task) {
        if (task.account() == null) {
            drop(task, "its account was deleted");
            return;
        }
        byte[] message = outbox.message(task);
        if (message.length > settings.maxMessageSize().toBytes()) {
            drop(task, "the message is larger than " + settings.maxMessageSize());
            return;
        }
        LearnOutcome outcome = learner.learn(task.verdict(), message, task.account());
        switch (outcome.kind()) {
            case LEARNED, ALREADY_LEARNED -> {
                outbox.finish(task);
                metrics.count(task.verdict(), outcome.kind() == LearnOutcome.Kind.LEARNED ? Result.LEARNED
                        : Result.ALREADY_LEARNED);
                log.debug("rspamd learned a message of {} as {}", task.account(), task.verdict());
            }
            case FAILED -> {
                int failures = task.attempts() + 1;
                if (failures >= settings.maxAttempts()) {
                    drop(task, "not learned after " + failures + " attempts: " + outcome.detail());
                } else {
                    Duration wait = backoff.after(failures);
                    outbox.retry(task, clock.instant().plus(wait), outcome.detail());
                    metrics.count(task.verdict(), Result.RETRIED);
                    log.info("Spam training of a message of {} failed ({}); next attempt in {}", task.account(),
                            outcome.detail(), wait);
                }
            }
        }
    }

    private void drop(TrainingTask task, String why) {
        outbox.finish(task);
        metrics.count(task.verdict(), Result.DROPPED);
        log.warn("Spam training of a message of {} as {} dropped: {}", task.account() == null ? "a deleted account"
                : task.account(), task.verdict(), why);
    }

    /** Looks for work now rather than after the poll interval (tests, and after a restart of rspamd). */
    void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("courriel-spam-training").start(this::run);
        log.info("Spam training worker started: rspamd's controller at {}", settings.controllerUrl());
    }

    /** Stops claiming; the request in flight ends within its timeout or the shutdown grace; gives back the rest. */
    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        Thread current = loop;
        if (current == null) {
            return;
        }
        try {
            current.join(Math.max(1, Math.min(deadline.remaining().toMillis(), settings.timeout().toMillis())));
            if (current.isAlive()) {
                current.interrupt();
                current.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            outbox.abandon(token);
        } catch (RuntimeException e) {
            log.warn("Could not give back the spam training claim {}; it expires with its lease: {}", token, e.toString());
        }
        learner.close();
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** With the queue: after the listeners, before the group committer it writes through. */
    @Override
    public int getPhase() {
        return ShutdownPhase.QUEUE;
    }
}
