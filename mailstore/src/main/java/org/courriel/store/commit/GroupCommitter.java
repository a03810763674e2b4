package org.courriel.store.commit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.courriel.store.lifecycle.ShutdownPhase;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Commits the writes of many sessions together: one transaction and one durability sync for a whole batch.
 * It knows nothing of what the work does: each {@link StoreWork} gets a {@link StoreTransaction} (its SQL and
 * the events to publish after commit); {@link org.courriel.store.message.MessageService} is what writes
 * messages through it.
 * <p>
 * Callers block in {@link #execute} until their work has committed and is durable, so a protocol replies
 * "accepted" only then. A single writer thread takes whatever has queued while the previous batch was
 * committing, up to {@code courriel.store.group-commit.max-batch} units, and runs them in one transaction.
 * A unit that fails (quota, a vanished mailbox) is left out and the rest of the batch runs again, so one
 * refusal never costs another session its message. Concurrency failures (a deadlock or a content row
 * inserted by another node at the same moment) rerun the batch {@code retries} times, after short random
 * pauses, before giving up. When the database is unavailable (stopped, no connection in the pool, the
 * connection lost) the whole batch fails at once as temporary: its callers answer "try again later" and
 * the writer goes on with the next batch. Whatever the database does, no caller waits longer than
 * {@code courriel.store.group-commit.timeout}.
 */
public class GroupCommitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final MailboxEventBus bus;
    private final DurabilitySync durability;
    private final int maxBatch;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final BlockingQueue<PendingWork<?>> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary batchSizes;
    private final Timer commitTimer;
    private final Timer syncTimer;
    private volatile boolean running;
    private Thread thread;

    public GroupCommitter(PlatformTransactionManager txManager, JdbcClient jdbc, MailboxEventBus bus,
            DurabilitySync durability, StoreProperties properties, MeterRegistry meters) {
        this.transactions = new TransactionTemplate(txManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.bus = bus;
        this.durability = durability;
        this.maxBatch = properties.groupCommit().maxBatch();
        this.retry = new RetryPolicy(properties.groupCommit().retries(), properties.groupCommit().retryBackoff());
        this.timeout = properties.groupCommit().timeout();
        this.batchSizes = DistributionSummary.builder("courriel.store.commit.batch")
                .description("Units of work committed together").register(meters);
        this.commitTimer = Timer.builder("courriel.store.commit")
                .description("Time to commit and sync one batch").register(meters);
        this.syncTimer = Timer.builder("courriel.store.sync")
                .description("Time to make one committed batch durable (H2: CHECKPOINT SYNC)").register(meters);
    }

    /**
     * Runs the work in the next batch and returns its result once the batch is committed and durable, waiting
     * at most {@code courriel.store.group-commit.timeout}.
     *
     * @throws StoreException the work's own refusal, or {@code UNAVAILABLE} when the batch could not commit
     */
    public <T> T execute(StoreWork<T> work) {
        if (!running) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "the store is not running");
        }
        PendingWork<T> pending = new PendingWork<>(work);
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            // stopped between the check above and the add: the writer may have drained for the last time
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "the store is not running");
        }
        try {
            return pending.result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (queue.remove(pending)) {
                throw new StoreException(StoreException.Reason.UNAVAILABLE, "the store is too busy, nothing was kept");
            }
            // Taken by a batch that is still running (a database that stopped answering): the caller must not
            // wait for ever; the batch may yet commit.
            log.warn("A commit did not finish within {}; its caller is told to try again", timeout);
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "the commit did not finish in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "interrupted while committing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "commit failed", e.getCause());
        }
    }

    private void loop() {
        List<PendingWork<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                PendingWork<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("Group commit failed", e);
                batch.forEach(p -> p.fail(unavailable(e)));
            } finally {
                batch.clear();
            }
        }
        PendingWork<?> left;
        while ((left = queue.poll()) != null) {
            left.fail(new StoreException(StoreException.Reason.UNAVAILABLE, "store stopping"));
        }
    }

    /** Tries the batch until it commits, leaving out the units that refuse, as the retry policy allows. */
    private void commit(List<PendingWork<?>> batch) {
        batchSizes.record(batch.size());
        Timer.Sample sample = Timer.start();
        List<PendingWork<?>> live = new ArrayList<>(batch);
        int contentions = 0;
        while (!live.isEmpty()) {
            switch (attempt(live)) {
                case CommitAttempt.Committed committed -> {
                    finish(live, committed.events());
                    sample.stop(commitTimer);
                    return;
                }
                case CommitAttempt.Refused refused -> {
                    refused.unit().fail(refused.failure());
                    live.remove(refused.unit());
                }
                case CommitAttempt.Contended contended -> {
                    if (retry.allows(++contentions)) {
                        retry.pause(contentions);
                    } else if (contended.unit() != null) {
                        // The unit that keeps meeting a deadlock or lock timeout fails alone; the others go on.
                        contended.unit().fail(unavailable(contended.failure()));
                        live.remove(contended.unit());
                        contentions = 0;
                    } else {
                        failAll(live, contended.failure());
                        return;
                    }
                }
                case CommitAttempt.Unavailable unavailable -> {
                    failAll(live, unavailable.failure());
                    return;
                }
            }
        }
    }

    /** One transaction over every live unit, in order; the first refusal rolls it back. */
    private CommitAttempt attempt(List<PendingWork<?>> live) {
        try {
            return transactions.execute(status -> {
                List<MailboxEvent> events = new ArrayList<>();
                for (PendingWork<?> unit : live) {
                    List<MailboxEvent> own = new ArrayList<>();
                    RuntimeException refusal = unit.run(new Transaction(own));
                    if (refusal != null) {
                        status.setRollbackOnly();
                        return new CommitAttempt.Refused(unit, refusal);
                    }
                    events.addAll(own);
                }
                return new CommitAttempt.Committed(events);
            });
        } catch (PendingWork.Contention e) {
            return new CommitAttempt.Contended(e.unit, e.failure());
        } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
            return new CommitAttempt.Contended(null, e);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.is(e)) {
                log.warn("Commit of {} units failed, the database is unavailable: {}", live.size(),
                        DatabaseUnavailable.describe(e));
            } else {
                log.error("Commit of {} units failed", live.size(), e);
            }
            return new CommitAttempt.Unavailable(e);
        }
    }

    /** After commit: the events go out whatever the sync does; the callers hear "done" once it is durable. */
    private void finish(List<PendingWork<?>> committed, List<MailboxEvent> events) {
        events.forEach(bus::publish);
        Exception syncFailure = sync();
        if (syncFailure != null) {
            // Not known to be on disk: the client must not hear "accepted". It will send again, and a
            // duplicate is the lesser harm than a loss (RFC 5321 §6.1).
            failAll(committed, syncFailure);
            return;
        }
        committed.forEach(PendingWork::complete);
    }

    private static void failAll(List<PendingWork<?>> units, Exception cause) {
        units.forEach(p -> p.fail(unavailable(cause)));
    }

    /** The durability sync, tried again as the retry policy allows; the last failure, or null when it worked. */
    private Exception sync() {
        for (int failures = 1; ; failures++) {
            try {
                syncTimer.recordCallable(() -> {
                    durability.sync();
                    return null;
                });
                return null;
            } catch (Exception e) {
                int tries = retry.retries() + 1;
                if (DatabaseUnavailable.is(e)) {
                    log.warn("Durability sync failed after commit (attempt {} of {}): {}", failures, tries,
                            DatabaseUnavailable.describe(e));
                } else {
                    log.error("Durability sync failed after commit (attempt {} of {})", failures, tries, e);
                }
                if (!retry.allows(failures)) {
                    return e;
                }
                retry.pause(failures);
            }
        }
    }

    private static StoreException unavailable(Throwable cause) {
        return new StoreException(StoreException.Reason.UNAVAILABLE, "the store could not commit", cause);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("courriel-group-commit").daemon(true).start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after everything that writes through it ({@link ShutdownPhase#STORE}): the loop commits and syncs
     * what is queued before it ends, so accepted work is durable.
     */
    @Override
    public int getPhase() {
        return ShutdownPhase.STORE;
    }

    /** A unit's view of the batch's transaction; its events are kept only if it runs to the end. */
    private final class Transaction implements StoreTransaction {
        private final List<MailboxEvent> events;

        Transaction(List<MailboxEvent> events) {
            this.events = events;
        }

        @Override
        public JdbcClient jdbc() {
            return jdbc;
        }

        @Override
        public void afterCommit(MailboxEvent event) {
            events.add(event);
        }
    }
}
