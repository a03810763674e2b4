package org.courriel.store.commit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.courriel.store.content.MessageContent;
import org.courriel.store.disk.FreeSpaceGuard;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageWriter;
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
    private final MessageWriter writer;
    private final MailboxEventBus bus;
    private final DurabilitySync durability;
    private final FreeSpaceGuard freeSpace;
    private final int maxBatch;
    private final int retries;
    private final Duration retryBackoff;
    private final Duration timeout;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary batchSizes;
    private final Timer commitTimer;
    private final Timer syncTimer;
    private volatile boolean running;
    private Thread thread;

    public GroupCommitter(PlatformTransactionManager txManager, JdbcClient jdbc, MessageWriter writer,
            MailboxEventBus bus, DurabilitySync durability, FreeSpaceGuard freeSpace, StoreProperties properties,
            MeterRegistry meters) {
        this.transactions = new TransactionTemplate(txManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.writer = writer;
        this.bus = bus;
        this.durability = durability;
        this.freeSpace = freeSpace;
        this.maxBatch = properties.groupCommit().maxBatch();
        this.retries = properties.groupCommit().retries();
        this.retryBackoff = properties.groupCommit().retryBackoff();
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
        Pending<T> pending = new Pending<>(work);
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
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
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
                batch.forEach(p -> p.result.completeExceptionally(unavailable(e)));
            } finally {
                batch.clear();
            }
        }
        Pending<?> left;
        while ((left = queue.poll()) != null) {
            left.result.completeExceptionally(new StoreException(StoreException.Reason.UNAVAILABLE, "store stopping"));
        }
    }

    private void commit(List<Pending<?>> batch) {
        batchSizes.record(batch.size());
        Timer.Sample sample = Timer.start();
        List<Pending<?>> live = new ArrayList<>(batch);
        int concurrencyFailures = 0;
        Pending<?>[] current = new Pending<?>[1]; // the unit being run, null once all have run (commit)
        while (!live.isEmpty()) {
            List<MailboxEvent> events = new ArrayList<>();
            Pending<?> failed;
            try {
                failed = transactions.execute(status -> {
                    for (Pending<?> p : live) {
                        current[0] = p;
                        Unit unit = new Unit();
                        try {
                            p.attempt = p.work.run(unit);
                        } catch (StoreException | DataIntegrityViolationException e) {
                            if (e instanceof DataIntegrityViolationException && p.integrityRetries++ < 1) {
                                throw e; // another node stored the same content at the same moment: run again
                            }
                            p.failure = e;
                            status.setRollbackOnly();
                            return p;
                        } catch (RuntimeException e) {
                            if (e instanceof ConcurrencyFailureException || DatabaseUnavailable.is(e)) {
                                throw e; // not this unit's fault: the batch runs again or fails as a whole
                            }
                            log.error("Store work failed", e);
                            p.failure = e;
                            status.setRollbackOnly();
                            return p;
                        }
                        events.addAll(unit.events);
                    }
                    current[0] = null;
                    return null;
                });
            } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
                if (++concurrencyFailures <= retries) {
                    backOff(concurrencyFailures);
                } else if (current[0] != null) {
                    // The unit that keeps meeting a deadlock or lock timeout fails alone; the others go on.
                    current[0].result.completeExceptionally(unavailable(e));
                    live.remove(current[0]);
                    concurrencyFailures = 0;
                } else {
                    live.forEach(p -> p.result.completeExceptionally(unavailable(e)));
                    return;
                }
                continue;
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.is(e)) {
                    log.warn("Commit of {} units failed, the database is unavailable: {}", live.size(),
                            DatabaseUnavailable.describe(e));
                } else {
                    log.error("Commit of {} units failed", live.size(), e);
                }
                live.forEach(p -> p.result.completeExceptionally(unavailable(e)));
                return;
            }
            if (failed != null) {
                failed.result.completeExceptionally(failed.failure);
                live.remove(failed);
                continue;
            }
            // Committed: sessions watching these mailboxes must hear of it whatever the sync does.
            events.forEach(bus::publish);
            Exception syncFailure = sync();
            if (syncFailure != null) {
                // Not known to be on disk: the client must not hear "accepted". It will send again, and a
                // duplicate is the lesser harm than a loss (RFC 5321 §6.1).
                live.forEach(p -> p.result.completeExceptionally(unavailable(syncFailure)));
                return;
            }
            live.forEach(Pending::complete);
            sample.stop(commitTimer);
            return;
        }
    }

    /**
     * A short random pause before the n-th retry, up to n times {@code retry-backoff}, so that nodes meeting
     * on the same rows do not collide again.
     */
    private void backOff(int failures) {
        long bound = retryBackoff.toNanos() * failures;
        if (bound <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The durability sync, tried again up to {@code retries} times; the last failure, or null when it worked. */
    private Exception sync() {
        Exception failure = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                backOff(attempt);
            }
            try {
                syncTimer.recordCallable(() -> {
                    durability.sync();
                    return null;
                });
                return null;
            } catch (Exception e) {
                failure = e;
                if (DatabaseUnavailable.is(e)) {
                    log.warn("Durability sync failed after commit (attempt {} of {}): {}", attempt + 1, retries + 1,
                            DatabaseUnavailable.describe(e));
                } else {
                    log.error("Durability sync failed after commit (attempt {} of {})", attempt + 1, retries + 1, e);
                }
            }
        }
        return failure;
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

    private static final class Pending<T> {
        final StoreWork<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        Object attempt;
        RuntimeException failure;
        int integrityRetries;

        Pending(StoreWork<T> work) {
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void complete() {
            result.complete((T) attempt);
        }
    }

    private final class Unit implements StoreTransaction {
        final List<MailboxEvent> events = new ArrayList<>();

        @Override
        public AppendResult append(long mailboxId,
                MessageContent content, Flags flags,
                Instant internalDate) {
            freeSpace.checkRoomForNewMail();
            return writer.append(mailboxId, content, flags, internalDate, events::add);
        }

        @Override
        public List<AppendResult> deliver(MessageContent content,
                List<Long> mailboxIds, Instant internalDate) {
            freeSpace.checkRoomForNewMail();
            return writer.deliver(content, mailboxIds, internalDate, events::add);
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
