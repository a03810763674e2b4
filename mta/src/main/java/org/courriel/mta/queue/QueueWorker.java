package org.courriel.mta.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.lifecycle.ShutdownDeadline;
import org.courriel.store.lifecycle.ShutdownPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers due recipients: a loop claims them (lease-bound, {@link QueueRepository}), groups them by
 * destination domain and gives each group a virtual thread and one connection, up to
 * {@code courriel.queue.max-connections} at once. The loop wakes when this node queues mail and otherwise
 * every {@code poll-interval}; it also takes over notifications a crashed node left unsent and purges old finished entries.
 * <p>
 * Stopping ({@link ShutdownPhase#QUEUE}) stops claiming, lets the deliveries on the wire finish for what is
 * left of the node's shutdown grace, then interrupts the others (closing their connections), and gives back
 * every claim this worker still holds, so another node takes the recipients at once rather than after the
 * lease. An abandoned transfer counts no attempt.
 */
public class QueueWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(15);
    /** How long interrupted deliveries get to notice and end before their claims are given back anyway. */
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(2);

    private final QueueRepository repository;
    private final DomainDelivery delivery;
    private final PendingNotifications notifications;
    private final QueueMetrics metrics;
    private final QueueProperties properties;
    private final Clock clock;
    private final String node;
    private final ShutdownDeadline deadline;
    /** The claim tokens this worker holds, given back when it stops. */
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    /** The threads of deliveries in flight, interrupted when the grace is over. */
    private final Set<Thread> deliveries = ConcurrentHashMap.newKeySet();
    /** Notified whenever a delivery ends, for {@link #stop()} to wait on. */
    private final Object ended = new Object();
    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Semaphore connections;
    private volatile boolean running;
    private volatile Thread loop;
    private Instant nextHousekeeping = Instant.EPOCH;

    public QueueWorker(QueueRepository repository, DomainDelivery delivery, PendingNotifications notifications,
            QueueMetrics metrics, QueueProperties properties, Clock clock, String node, ShutdownDeadline deadline) {
        this.repository = repository;
        this.delivery = delivery;
        this.notifications = notifications;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.node = node;
        this.deadline = deadline;
        this.connections = new Semaphore(properties.maxConnections());
    }

    /** Looks for work now (new mail was queued on this node). */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (running) {
            try {
                housekeeping();
                boolean claimed = false;
                if (inFlight.get() < properties.maxConnections()) {
                    claimed = claimAndDispatch();
                }
                if (!claimed) {
                    wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                logFailure("Queue worker loop failed; retrying after the poll interval", e);
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean claimAndDispatch() {
        String token = node + "/" + UUID.randomUUID();
        tokens.add(token); // before the claim: a worker stopping meanwhile gives it back
        Instant now = clock.instant();
        List<QueuedRecipient> claimed = repository.claimDue(token, now, now.plus(properties.lease()),
                properties.claimBatch());
        log.debug("{} claimed {} recipient(s)", node, claimed.size());
        if (claimed.isEmpty()) {
            tokens.remove(token);
            return false;
        }
        Map<String, List<QueuedRecipient>> byDomain = new LinkedHashMap<>();
        claimed.forEach(r -> byDomain.computeIfAbsent(r.domain(), d -> new ArrayList<>()).add(r));
        // the claim is one token; each domain's group runs on its own virtual thread, then the token is finished
        AtomicInteger groupsLeft = new AtomicInteger(byDomain.size());
        Lease lease = new Lease(token, now);
        for (Map.Entry<String, List<QueuedRecipient>> group : byDomain.entrySet()) {
            inFlight.incrementAndGet();
            Thread.ofVirtual().name("courriel-queue-" + group.getKey()).start(() -> {
                deliveries.add(Thread.currentThread());
                try {
                    connections.acquire();
                    try {
                        delivery.deliver(group.getKey(), group.getValue(), lease);
                    } finally {
                        connections.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    if (running) {
                        logFailure("Delivery to " + group.getKey()
                                + " failed; its recipients are retried when their claim expires", e);
                    } else {
                        log.info("Delivery to {} abandoned by shutdown: {}", group.getKey(), e.toString());
                    }
                } finally {
                    Thread.interrupted(); // an abandoned delivery still records and gives back what it holds
                    deliveries.remove(Thread.currentThread());
                    try {
                        if (groupsLeft.decrementAndGet() == 0) {
                            finish(token);
                        }
                    } finally {
                        inFlight.decrementAndGet();
                        synchronized (ended) {
                            ended.notifyAll();
                        }
                        wakeUp();
                    }
                }
            });
        }
        return inFlight.get() < properties.maxConnections();
    }

    /** A bug is logged with its stack trace; an unavailable database, which the next poll retries, in one line. */
    private static void logFailure(String what, RuntimeException e) {
        if (DatabaseUnavailable.is(e)) {
            log.warn("{}: the database is unavailable: {}", what, DatabaseUnavailable.describe(e));
        } else {
            log.error(what, e);
        }
    }

    /** After a claim's deliveries: send the notifications they made due, give back what is left. */
    private void finish(String token) {
        try {
            notifications.send(token);
        } catch (RuntimeException e) {
            logFailure("Sending notifications failed; they are retried when the claim expires", e);
        } finally {
            try {
                repository.releaseClaims(token);
                tokens.remove(token);
            } catch (RuntimeException e) {
                log.warn("Could not release claim {}; it expires with its lease", token, e);
            }
        }
    }

    private void housekeeping() {
        Instant now = clock.instant();
        if (now.isBefore(nextHousekeeping)) {
            return;
        }
        nextHousekeeping = now.plus(HOUSEKEEPING);
        String token = node + "/" + UUID.randomUUID();
        tokens.add(token);
        List<QueuedRecipient> orphaned = repository.claimPendingNotifications(token, now, now.plus(properties.lease()),
                properties.claimBatch());
        if (!orphaned.isEmpty()) {
            log.info("Taking over {} notification(s) left by a stopped worker", orphaned.size());
            finish(token);
        } else {
            tokens.remove(token);
        }
        int purged = repository.purgeFinished(now.minus(properties.retention()));
        if (purged > 0) {
            log.info("Purged {} finished queue entries", purged);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("courriel-queue-worker").start(this::run);
        log.info("Queue worker {} started ({} connections at most)", node, properties.maxConnections());
    }

    /**
     * Stops claiming, lets deliveries on the wire finish within what is left of the shutdown grace (they stop
     * between messages), interrupts the rest, then gives back every claim still held.
     */
    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        if (loop == null) {
            return;
        }
        try {
            loop.join(Math.max(1, deadline.remaining().toMillis()));
            if (!awaitDeliveries(deadline.remaining())) {
                log.info("Abandoning {} delivery group(s) still in flight after the shutdown grace", inFlight.get());
                deliveries.forEach(Thread::interrupt);
                awaitDeliveries(ABANDON_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        giveBackClaims();
        loop = null;
    }

    /** Waits until no delivery is in flight, for at most {@code timeout}; whether none is. */
    private boolean awaitDeliveries(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (ended) {
            while (inFlight.get() > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                ended.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Clears the claim token and lease of every recipient this worker still holds. */
    private void giveBackClaims() {
        int released = 0;
        for (String token : List.copyOf(tokens)) {
            try {
                released += repository.abandonClaims(token);
                tokens.remove(token);
            } catch (RuntimeException e) {
                log.warn("Could not give back claim {}; it expires with its lease: {}", token, e.toString());
            }
        }
        if (released > 0) {
            log.info("Queue worker {} gave back {} claimed recipient(s)", node, released);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the listeners, whose sessions may still queue mail, before the group committer it writes through. */
    @Override
    public int getPhase() {
        return ShutdownPhase.QUEUE;
    }

    String node() {
        return node;
    }

    /** This node's name in claims and attempts. */
    public String nodeId() {
        return node;
    }

    /** Whether the worker loop runs: started, not stopped, and its thread has not died. */
    public boolean alive() {
        Thread current = loop;
        return running && current != null && current.isAlive();
    }

    /**
     * A claim's lease, extended while its deliveries make progress, at most every third of the lease, so
     * that a long batch to a slow server is not taken over by another node while it is still being worked on.
     */
    private final class Lease implements DomainDelivery.Control {
        private final String token;
        private Instant extended;

        Lease(String token, Instant claimedAt) {
            this.token = token;
            this.extended = claimedAt;
        }

        @Override
        public boolean running() {
            return running;
        }

        @Override
        public synchronized void progress() {
            Instant now = clock.instant();
            if (Duration.between(extended, now).compareTo(properties.lease().dividedBy(3)) >= 0) {
                extended = now;
                try {
                    repository.extendClaims(token, now.plus(properties.lease()));
                } catch (RuntimeException e) {
                    log.warn("Could not extend claim {}", token, e);
                }
            }
        }
    }
}
